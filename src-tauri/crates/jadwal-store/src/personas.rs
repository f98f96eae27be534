//! Audiences: the people the posts are for, one persona each.

use chrono::{DateTime, Utc};
use jadwal_domain::Network;
use rusqlite::{OptionalExtension, params};

use crate::rows::{parse_text, to_unix};
use crate::{Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonaWrite {
    pub name: String,
    pub demographics: String,
    pub interests: String,
    pub behaviour: String,
    pub networks: Vec<Network>,
    /// One bit per hour of the day (bit 0 = 00:00–00:59).
    pub active_hours: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonaRecord {
    pub id: i64,
    pub workspace_id: i64,
    pub persona: PersonaWrite,
}

const COLUMNS: &str =
    "id, workspace_id, name, demographics, interests, behaviour, networks, active_hours";

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<PersonaRecord> {
    let networks: String = row.get(6)?;
    let networks = networks
        .split(',')
        .filter(|n| !n.is_empty())
        .map(|n| parse_text(n, 6))
        .collect::<rusqlite::Result<Vec<Network>>>()?;
    Ok(PersonaRecord {
        id: row.get(0)?,
        workspace_id: row.get(1)?,
        persona: PersonaWrite {
            name: row.get(2)?,
            demographics: row.get(3)?,
            interests: row.get(4)?,
            behaviour: row.get(5)?,
            networks,
            active_hours: row.get(7)?,
        },
    })
}

fn network_list(networks: &[Network]) -> String {
    networks
        .iter()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

impl Store {
    pub fn personas(&self, workspace_id: i64) -> Result<Vec<PersonaRecord>> {
        self.query_all(
            &format!("SELECT {COLUMNS} FROM persona WHERE workspace_id = ?1 ORDER BY id"),
            [workspace_id],
            read,
        )
    }

    pub fn persona(&self, id: i64) -> Result<PersonaRecord> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM persona WHERE id = ?1"),
                [id],
                read,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or(StoreError::NotFound {
                what: "persona",
                id,
            })
    }

    pub fn insert_persona(
        &mut self,
        workspace_id: i64,
        p: &PersonaWrite,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO persona (workspace_id, name, demographics, interests, behaviour,
                                      networks, active_hours, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    workspace_id,
                    p.name,
                    p.demographics,
                    p.interests,
                    p.behaviour,
                    network_list(&p.networks),
                    p.active_hours,
                    to_unix(now)
                ],
            )
            .map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        self.changes.emit(crate::Change::Strategy);
        Ok(id)
    }

    pub fn update_persona(&mut self, id: i64, p: &PersonaWrite) -> Result<()> {
        self.write_one(
            "UPDATE persona SET name = ?1, demographics = ?2, interests = ?3, behaviour = ?4,
                                networks = ?5, active_hours = ?6
             WHERE id = ?7",
            params![
                p.name,
                p.demographics,
                p.interests,
                p.behaviour,
                network_list(&p.networks),
                p.active_hours,
                id
            ],
            "persona",
            id,
        )
    }

    pub fn delete_persona(&mut self, id: i64) -> Result<()> {
        self.write_one(
            "DELETE FROM persona WHERE id = ?1",
            params![id],
            "persona",
            id,
        )
    }
}
