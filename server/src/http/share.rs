//! Share images: one PNG (1200×630) per issue and one for the site, in each language
//! (`/share/dns.png`, `/share/dns.fr.png`), drawn from the issue's icon, title and focus
//! areas, for link previews (`og:image`). Each is rendered on first
//! request (off the async threads) and kept; the text uses a font built into the binary, so
//! images look the same on any machine.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use app::content::escaped;
use app::content::Catalog;
use app::domain::{share_image_path, Lang, SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH};
use app::interface_text::share_subtitle;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_TYPE, ETAG};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use resvg::{tiny_skia, usvg};

const FONT: &[u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");
const FONT_FAMILY: &str = "DejaVu Sans";
/// The focus areas' colours, as on the map (light theme).
const REGION_COLOURS: [&str; 5] = ["#0f766e", "#1d4ed8", "#7e22ce", "#b45309", "#be123c"];
/// The name of the site's own image (`/share/site.png`).
pub const SITE_IMAGE: &str = "site";

/// What an image shows.
struct Card {
    title: String,
    subtitle: String,
    icon: Option<String>,
    colour: &'static str,
}

#[derive(Clone)]
struct ShareImages {
    cards: Arc<HashMap<String, Card>>,
    rendered: Arc<Mutex<HashMap<String, Bytes>>>,
    options: Arc<usvg::Options<'static>>,
}

pub fn router<S: Clone + Send + Sync + 'static>(
    catalog: &Catalog,
    icons_dir: PathBuf,
) -> Router<S> {
    let mut cards = HashMap::new();
    for lang in Lang::ALL {
        add_cards(catalog.in_lang(lang), lang, &mut cards);
    }
    let mut options = usvg::Options {
        resources_dir: Some(icons_dir),
        font_family: FONT_FAMILY.to_string(),
        ..usvg::Options::default()
    };
    options.fontdb_mut().load_font_data(FONT.to_vec());
    let images = ShareImages {
        cards: Arc::new(cards),
        rendered: Arc::new(Mutex::new(HashMap::new())),
        options: Arc::new(options),
    };
    Router::new()
        .route("/share/{file}", get(serve))
        .with_state(images)
}

/// The cards of one language, named as [`share_image_path`] names their files: `dns`,
/// `dns.fr`, `site.es`.
fn add_cards(catalog: &Catalog, lang: Lang, cards: &mut HashMap<String, Card>) {
    let map = catalog
        .topic_map(None, "", None, None)
        .map(|map| map.layout)
        .unwrap_or_default();
    let name = |slug: &str| {
        let path = share_image_path(slug, lang);
        path.trim_start_matches("/share/")
            .trim_end_matches(".png")
            .to_string()
    };
    for node in &map.nodes {
        let areas: Vec<&str> = node
            .regions
            .iter()
            .filter_map(|&r| {
                map.regions
                    .get(r as usize)
                    .map(|region| region.title.as_str())
            })
            .collect();
        cards.insert(
            name(&node.slug),
            Card {
                title: node.title.clone(),
                subtitle: areas.join(" · "),
                icon: Some(format!("{}.svg", node.slug)),
                colour: REGION_COLOURS
                    .get(node.region as usize)
                    .copied()
                    .unwrap_or(REGION_COLOURS[1]),
            },
        );
    }
    cards.insert(
        name(SITE_IMAGE),
        Card {
            title: app::SITE_NAME.to_string(),
            subtitle: share_subtitle(lang, map.nodes.len() as u32),
            icon: None,
            colour: REGION_COLOURS[1],
        },
    );
}

async fn serve(State(images): State<ShareImages>, Path(file): Path<String>) -> Response {
    let Some(name) = file
        .strip_suffix(".png")
        .filter(|name| images.cards.contains_key(*name))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let name = name.to_string();
    let cached = images
        .rendered
        .lock()
        .ok()
        .and_then(|done| done.get(&name).cloned());
    let png = match cached {
        Some(png) => png,
        None => {
            let worker = images.clone();
            let key = name.clone();
            match tokio::task::spawn_blocking(move || worker.render(&key)).await {
                Ok(Ok(png)) => {
                    if let Ok(mut done) = images.rendered.lock() {
                        done.insert(name, png.clone());
                    }
                    png
                }
                Ok(Err(error)) => {
                    tracing::error!(%error, "share image failed to render");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
                Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            }
        }
    };
    let mut hasher = DefaultHasher::new();
    png.hash(&mut hasher);
    let etag = format!("\"{:016x}\"", hasher.finish());
    let mut response = png.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("image/png"));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        headers.insert(ETAG, etag);
    }
    response
}

impl ShareImages {
    fn render(&self, name: &str) -> Result<Bytes, String> {
        let card = self.cards.get(name).ok_or("no such image")?;
        let svg = card_svg(card);
        let tree = usvg::Tree::from_str(&svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap =
            tiny_skia::Pixmap::new(SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT).ok_or("pixmap")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap
            .encode_png()
            .map(Bytes::from)
            .map_err(|e| e.to_string())
    }
}

/// The card as SVG: a coloured band, the icon, the title in up to three lines, the focus
/// areas and the site's name.
fn card_svg(card: &Card) -> String {
    let (width, height) = (SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT);
    let lines = wrap(&card.title, 26);
    let title_top = if card.icon.is_some() { 330 } else { 250 };
    let title: String = lines
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, line)| {
            format!(
                r##"<text x="80" y="{}" font-size="64" fill="#1d2430">{}</text>"##,
                title_top + i as u32 * 78,
                escaped(line)
            )
        })
        .collect();
    let icon = card
        .icon
        .as_ref()
        .map(|file| {
            format!(
                r##"<rect x="80" y="80" width="168" height="168" rx="36" fill="{colour}"/><image href="{file}" x="108" y="108" width="112" height="112"/>"##,
                colour = card.colour,
                file = escaped(file)
            )
        })
        .unwrap_or_default();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">
<rect width="{width}" height="{height}" fill="#f7f6f2"/>
<rect width="24" height="{height}" fill="{colour}"/>
{icon}{title}
<text x="80" y="540" font-size="30" fill="{colour}">{subtitle}</text>
<text x="80" y="590" font-size="26" fill="#4b5565">{site}</text>
</svg>"##,
        colour = card.colour,
        subtitle = escaped(&card.subtitle),
        site = escaped(app::SITE_NAME),
    )
}

fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max_chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use skrifa::MetadataProvider;

    use super::*;

    /// Every card of the real content, and how many issues it has.
    fn cards() -> (HashMap<String, Card>, usize) {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let catalog = app::content::load_catalog(&content).expect("the real content loads");
        let mut cards = HashMap::new();
        for lang in Lang::ALL {
            add_cards(catalog.in_lang(lang), lang, &mut cards);
        }
        (cards, catalog.slugs().count())
    }

    #[test]
    fn each_language_has_its_cards_in_its_words() {
        let (cards, issues) = cards();
        assert_eq!(
            cards.len(),
            3 * (issues + 1),
            "the issues and the site, in three languages"
        );
        assert_eq!(cards["dns"].title, "Domain Name System (DNS)");
        assert_eq!(cards["dns.fr"].title, "Système de noms de domaine (DNS)");
        assert_eq!(cards["dns.es"].title, "Sistema de nombres de dominio (DNS)");
        assert!(cards["site.fr"]
            .subtitle
            .starts_with(&format!("{issues} enjeux d’Internet")));
        assert!(cards["site.es"].subtitle.contains("búsqueda"));
    }

    #[test]
    fn the_built_in_font_draws_every_letter_of_every_card() {
        let font = skrifa::FontRef::new(FONT).expect("the font parses");
        let charmap = font.charmap();
        let missing: BTreeSet<char> = cards()
            .0
            .values()
            .flat_map(|card| card.title.chars().chain(card.subtitle.chars()))
            .chain(app::SITE_NAME.chars())
            .filter(|c| !c.is_whitespace() && charmap.map(*c).is_none())
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
        assert!(charmap.map('é').is_some() && charmap.map('ñ').is_some());
        assert!(charmap.map('\u{4E2D}').is_none(), "the check can fail");
    }
}
