//! Errors that start in the shell itself rather than in the engine.

use jadwal_engine::dto::IpcError;
use std::collections::BTreeMap;

/// A failure of the app's own machinery (a crashed worker thread): logged in
/// full, shown to the person as a short apology with a code.
pub fn internal(e: &dyn std::fmt::Display) -> IpcError {
    log::error!("internal error: {e}");
    IpcError {
        code: "internal".into(),
        message: "Something went wrong inside Jadwal; your data is safe. Try again.".into(),
        params: BTreeMap::new(),
    }
}

/// A request the shell turns down on purpose, with a plain message.
pub fn refused(code: &str, message: &str) -> IpcError {
    IpcError {
        code: code.into(),
        message: message.into(),
        params: BTreeMap::new(),
    }
}
