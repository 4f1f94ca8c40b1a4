//! Renders an issue's overview from Markdown to HTML on the server, refusing what content
//! may not contain (raw HTML, images, a second level-1 heading, links that leave HTTPS).

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::terms::TermMarker;

/// The overview as HTML for the page and as plain text for descriptions and the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// Paragraphs of plain text, separated by blank lines.
    pub text: String,
}

/// A problem at a byte offset of the Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
}

/// Renders `body`, marking glossary terms through `marker`. `check_site_link` judges a
/// site-relative link (for example that `/issues/x` exists).
pub fn render(
    body: &str,
    marker: &mut TermMarker<'_>,
    check_site_link: &dyn Fn(&str) -> Result<(), String>,
) -> Result<Rendered, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut events = Vec::new();
    let mut text = String::new();
    // Terms are not marked inside links (no link in a link) or headings.
    let mut plain_depth = 0u32;
    let parser = Parser::new_ext(body, Options::ENABLE_SMART_PUNCTUATION);
    for (event, range) in parser.into_offset_iter() {
        let mut problem = |message: String| {
            problems.push(Problem {
                offset: range.start,
                message,
            })
        };
        match &event {
            Event::Html(_) | Event::InlineHtml(_) => {
                problem("raw HTML is not allowed in content; write Markdown".into())
            }
            Event::Start(Tag::Image { .. }) => {
                problem("images are not allowed in the overview".into())
            }
            Event::Start(Tag::Heading { level, .. }) => {
                if *level == HeadingLevel::H1 {
                    problem("headings in the overview start at level 2 (`##`); the title is the page's only level 1 heading".into());
                }
                plain_depth += 1;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Err(message) = check_link(dest_url, check_site_link) {
                    problem(message);
                }
                plain_depth += 1;
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Link) => {
                plain_depth = plain_depth.saturating_sub(1)
            }
            Event::End(TagEnd::Paragraph) => text.push_str("\n\n"),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Code(code) => text.push_str(code),
            _ => {}
        }
        match event {
            Event::Text(words) => {
                text.push_str(&words);
                if plain_depth == 0 {
                    let mut marked = String::new();
                    marker.mark(&words, &mut marked);
                    events.push(Event::InlineHtml(CowStr::from(marked)));
                } else {
                    events.push(Event::Text(words));
                }
            }
            other => events.push(other),
        }
    }
    if text.trim().is_empty() {
        problems.push(Problem {
            offset: 0,
            message: "the overview (the Markdown after the front matter) is empty".into(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = String::with_capacity(body.len() * 2);
    html::push_html(&mut out, events.into_iter());
    Ok(Rendered {
        html: out,
        text: text.trim().to_string(),
    })
}

/// A link must be absolute HTTPS or site-relative (`/…`, not `//host`).
pub fn check_link(
    url: &str,
    check_site_link: &dyn Fn(&str) -> Result<(), String>,
) -> Result<(), String> {
    if url.starts_with('/') && !url.starts_with("//") {
        return check_site_link(url);
    }
    check_https_url(url).map_err(|_| {
        format!("“{url}” is not allowed: links must be absolute https:// URLs or site-relative paths starting with /")
    })
}

/// An absolute `https://` URL with a host and no spaces.
pub fn check_https_url(url: &str) -> Result<(), String> {
    let host = url
        .strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(host) if !host.is_empty() && !url.contains(char::is_whitespace) => Ok(()),
        _ => Err(format!("“{url}” is not an absolute https:// URL")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::terms::MarkedTerm;
    use crate::domain::Lang;

    fn any_site_link(_: &str) -> Result<(), String> {
        Ok(())
    }

    fn render_plain(body: &str) -> Result<Rendered, Vec<Problem>> {
        render(
            body,
            &mut TermMarker::new(Vec::new(), Lang::En),
            &any_site_link,
        )
    }

    #[test]
    fn renders_paragraphs_links_and_plain_text() {
        let rendered =
            render_plain("First \"quoted\" line\nwraps.\n\nSee [DNSSEC](/issues/dnssec).\n")
                .expect("renders");
        assert_eq!(
            rendered.html,
            "<p>First “quoted” line\nwraps.</p>\n<p>See <a href=\"/issues/dnssec\">DNSSEC</a>.</p>\n"
        );
        assert_eq!(rendered.text, "First “quoted” line wraps.\n\nSee DNSSEC.");
    }

    #[test]
    fn refuses_raw_html_images_level_one_headings_and_unsafe_links() {
        let body = "Intro.\n\n<script>x</script>\n\n# Title\n\n![a](https://x.org/a.png) <b>b</b>\n\n[a](http://x.org) [b](javascript:alert(1)) [c](//evil.org)\n";
        let problems = render_plain(body).expect_err("refused");
        let messages: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages
                .iter()
                .filter(|m| m.starts_with("raw HTML"))
                .count(),
            3,
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.starts_with("images")));
        assert!(messages.iter().any(|m| m.starts_with("headings")));
        assert_eq!(
            messages
                .iter()
                .filter(|m| m.contains("is not allowed: links"))
                .count(),
            3
        );
        // Offsets point into the body.
        assert_eq!(problems[0].offset, body.find("<script>").expect("present"));
    }

    #[test]
    fn marks_terms_in_text_but_not_in_links_or_headings() {
        let dns = MarkedTerm {
            term: "DNS".into(),
            expansion: Some("Domain Name System".into()),
            anchor: "dns".into(),
        };
        let mut marker = TermMarker::new(vec![&dns], Lang::En);
        let rendered = render(
            "## DNS basics\n\nRead [DNS](https://example.org) first. DNS is old.\n",
            &mut marker,
            &any_site_link,
        )
        .expect("renders");
        assert!(
            rendered.html.contains("<h2>DNS basics</h2>"),
            "{}",
            rendered.html
        );
        assert!(rendered.html.contains("first. <a class=\"term\" href=\"/glossary#dns\"><abbr title=\"Domain Name System\">DNS</abbr></a> is old."), "{}", rendered.html);
        assert_eq!(marker.unused().count(), 0);
    }

    #[test]
    fn an_empty_overview_is_a_problem() {
        assert!(render_plain("\n  \n").is_err());
    }
}
