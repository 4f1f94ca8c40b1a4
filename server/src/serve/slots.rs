//! The table of open connections, capped below the process's file limit.
//!
//! When the table is full, a new connection takes the place of the oldest one that has
//! been open for a while without getting any answer (a client trickling its headers or
//! sending nothing); when there is no such connection the new one is closed at once.
//! So a flood of slow clients cannot lock ordinary visitors out, and the process never
//! reaches its file limit (where `accept` fails and nobody is served).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::Notify;

use super::watched_io::Activity;

/// A connection younger than this is never evicted: it may be an ordinary request whose
/// head is still on its way.
const EVICTABLE_AFTER: Duration = Duration::from_secs(1);

pub struct Slots {
    capacity: usize,
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    next_id: u64,
    /// Ordered by id, which is the order of acceptance: the oldest first.
    open: BTreeMap<u64, Entry>,
}

struct Entry {
    activity: Arc<Activity>,
    evict: Arc<Notify>,
}

/// One admitted connection; leaving the table when dropped.
pub struct Slot {
    id: u64,
    slots: Arc<Slots>,
    pub activity: Arc<Activity>,
    /// Notified when a newer connection took this one's place.
    pub evicted: Arc<Notify>,
}

pub enum Admission {
    Admitted(Slot),
    /// Admitted in the place of an older connection that had no answer yet.
    AdmittedByEviction(Slot),
    Refused,
}

impl Slots {
    pub fn new(capacity: usize) -> Arc<Self> {
        Arc::new(Self {
            capacity,
            table: Mutex::new(Table::default()),
        })
    }

    pub fn open(&self) -> usize {
        self.lock().open.len()
    }

    pub fn admit(self: &Arc<Self>) -> Admission {
        let mut table = self.lock();
        let mut evicted = false;
        if table.open.len() >= self.capacity {
            let victim = table
                .open
                .iter()
                .find(|(_, entry)| {
                    entry.activity.unanswered() && entry.activity.age() >= EVICTABLE_AFTER
                })
                .map(|(id, _)| *id);
            let Some(victim) = victim.and_then(|id| table.open.remove(&id)) else {
                return Admission::Refused;
            };
            // `notify_one` keeps a permit, so the victim's task sees it even if it is not
            // waiting at this moment.
            victim.evict.notify_one();
            evicted = true;
        }
        let id = table.next_id;
        table.next_id += 1;
        let activity = Arc::new(Activity::new());
        let evict = Arc::new(Notify::new());
        table.open.insert(
            id,
            Entry {
                activity: Arc::clone(&activity),
                evict: Arc::clone(&evict),
            },
        );
        let slot = Slot {
            id,
            slots: Arc::clone(self),
            activity,
            evicted: evict,
        };
        if evicted {
            Admission::AdmittedByEviction(slot)
        } else {
            Admission::Admitted(slot)
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        // The table holds no invariant a panic could break half-way.
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.slots.lock().open.remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(admission: Admission) -> Option<Slot> {
        match admission {
            Admission::Admitted(slot) | Admission::AdmittedByEviction(slot) => Some(slot),
            Admission::Refused => None,
        }
    }

    #[test]
    fn a_full_table_refuses_when_every_connection_is_young_or_answered() {
        let slots = Slots::new(2);
        let first = slot(slots.admit()).expect("room");
        let _second = slot(slots.admit()).expect("room");
        assert!(matches!(slots.admit(), Admission::Refused));
        assert_eq!(slots.open(), 2);
        drop(first);
        assert_eq!(slots.open(), 1);
        assert!(matches!(slots.admit(), Admission::Admitted(_)));
    }

    #[tokio::test]
    async fn the_oldest_unanswered_connection_makes_room() {
        let slots = Slots::new(2);
        let oldest = slot(slots.admit()).expect("room");
        let _younger = slot(slots.admit()).expect("room");
        tokio::time::sleep(EVICTABLE_AFTER + Duration::from_millis(50)).await;
        let newcomer = slots.admit();
        assert!(matches!(newcomer, Admission::AdmittedByEviction(_)));
        // The victim is told, even though it was not waiting yet.
        tokio::time::timeout(Duration::from_secs(1), oldest.evicted.notified())
            .await
            .expect("the oldest was evicted");
        assert_eq!(slots.open(), 2);
        drop(oldest);
        assert_eq!(
            slots.open(),
            2,
            "the evicted slot had already left the table"
        );
    }
}
