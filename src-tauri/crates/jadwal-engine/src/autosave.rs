//! The editor's autosave slots.

use crate::dto::AutosaveDto;
use crate::error::Result;
use crate::{Engine, convert};

/// Big enough for any post the editor allows, small enough that a runaway
/// caller cannot fill the disk through it.
const MAX_AUTOSAVE_BYTES: usize = 1_000_000;

impl Engine {
    pub fn save_autosave(&self, slot: &str, body: &str) -> Result<()> {
        if body.len() > MAX_AUTOSAVE_BYTES {
            return Err(jadwal_domain::DomainError::TextTooLong {
                len: body.chars().count(),
                max: MAX_AUTOSAVE_BYTES,
            }
            .into());
        }
        self.store()?.put_autosave(slot, body, self.clock.now())?;
        Ok(())
    }

    pub fn load_autosave(&self, slot: &str) -> Result<Option<AutosaveDto>> {
        Ok(self.store()?.autosave(slot)?.map(|a| AutosaveDto {
            body: a.body,
            saved_at: convert::rfc3339(a.saved_at),
        }))
    }

    pub fn clear_autosave(&self, slot: &str) -> Result<()> {
        self.store()?.clear_autosave(slot)?;
        Ok(())
    }
}
