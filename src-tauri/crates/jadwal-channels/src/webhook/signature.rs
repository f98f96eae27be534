//! `X-Jadwal-Signature: sha256=<hex>`: HMAC-SHA256 with the shared secret
//! over the exact body bytes, as GitHub and Stripe sign theirs.

use hmac::{Hmac, Mac};
use jadwal_secrets::Secret;
use sha2::Sha256;

use crate::ChannelError;
use crate::multipart::hex;

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &Secret) -> Result<HmacSha256, ChannelError> {
    // HMAC takes a key of any length; this cannot fail, but is not assumed.
    HmacSha256::new_from_slice(secret.expose().as_bytes()).map_err(|_| {
        ChannelError::BadCredentials {
            network: super::NETWORK,
            what: "shared secret",
        }
    })
}

/// `sha256=<lower-case hex HMAC-SHA256 of body>`.
pub fn sign(secret: &Secret, body: &[u8]) -> Result<String, ChannelError> {
    let mut mac = mac(secret)?;
    mac.update(body);
    Ok(format!("sha256={}", hex(&mac.finalize().into_bytes())))
}

/// What a receiver does: recompute and compare in constant time. For
/// receivers written in Rust, and for tests.
pub fn verify(secret: &Secret, body: &[u8], header: &str) -> bool {
    let Some(given) = header.trim().strip_prefix("sha256=").and_then(unhex) else {
        return false;
    };
    let Ok(mut mac) = mac(secret) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(&given).is_ok()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4231_case_2() {
        let sig = sign(&Secret::new("Jefe"), b"what do ya want for nothing?").unwrap();
        assert_eq!(
            sig,
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert!(verify(
            &Secret::new("Jefe"),
            b"what do ya want for nothing?",
            &sig
        ));
        assert!(!verify(
            &Secret::new("Jefe"),
            b"what do ya want for nothing!",
            &sig
        ));
        assert!(!verify(
            &Secret::new("jefe"),
            b"what do ya want for nothing?",
            &sig
        ));
        assert!(!verify(&Secret::new("Jefe"), b"x", "sha256=zz"));
        assert!(!verify(&Secret::new("Jefe"), b"x", "md5=00"));
    }
}
