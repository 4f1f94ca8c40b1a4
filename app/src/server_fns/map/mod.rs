mod get;

pub use get::{get_topic_map, GetTopicMap};
