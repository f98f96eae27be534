//! PKCE (RFC 7636) with S256, and the OAuth `state`.
//!
//! Randomness comes from the operating system; the functions that turn
//! random bytes into a verifier take the bytes, so tests can pin them.

use jadwal_secrets::Secret;
use sha2::{Digest, Sha256};

use crate::ChannelError;

/// The only challenge method Jadwal uses: the verifier never travels in the
/// authorization URL, only its hash.
pub const CHALLENGE_METHOD: &str = "S256";

/// A code verifier and its challenge. The verifier is kept until the code is
/// exchanged and sent only then; it prints as `[redacted]`.
#[derive(Debug, Clone)]
pub struct Pkce {
    verifier: Secret,
    challenge: String,
}

impl Pkce {
    /// From 32 random bytes: the verifier is their base64url form (43
    /// characters, as RFC 7636 recommends), the challenge
    /// `BASE64URL(SHA256(verifier))`.
    pub fn from_random(bytes: &[u8; 32]) -> Self {
        let verifier = base64url(bytes);
        let challenge = challenge_of(&verifier);
        Pkce {
            verifier: Secret::new(verifier),
            challenge,
        }
    }

    /// A new verifier from the operating system's randomness.
    pub fn generate() -> Result<Self, ChannelError> {
        let mut bytes = [0u8; 32];
        fill_random(&mut bytes)?;
        Ok(Pkce::from_random(&bytes))
    }

    pub fn verifier(&self) -> &Secret {
        &self.verifier
    }

    pub fn challenge(&self) -> &str {
        &self.challenge
    }
}

/// The S256 challenge of a verifier, `BASE64URL(SHA256(verifier))`, as the
/// instance checks it when the code is exchanged.
pub fn challenge_of(verifier: &str) -> String {
    base64url(&Sha256::digest(verifier.as_bytes()))
}

/// An unguessable `state` for one sign-in: the loopback callback must bring
/// it back, so a page that calls the loopback address cannot slip in a code.
pub fn random_state() -> Result<String, ChannelError> {
    let mut bytes = [0u8; 16];
    fill_random(&mut bytes)?;
    Ok(state_from_random(&bytes))
}

/// The state for 16 given random bytes.
pub fn state_from_random(bytes: &[u8; 16]) -> String {
    base64url(bytes)
}

fn fill_random(bytes: &mut [u8]) -> Result<(), ChannelError> {
    getrandom::fill(bytes).map_err(|e| ChannelError::Network {
        host: "this computer".into(),
        detail: format!("the operating system gave no random numbers: {e}"),
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5), as PKCE wants it. Small enough
/// to write here rather than add a crate for two call sites.
pub(crate) fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = (u32::from(chunk[0]) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        for i in 0..=chunk.len() {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_7636_example_gives_its_verifier_and_challenge() {
        // RFC 7636, Appendix B.
        let octets: [u8; 32] = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let pkce = Pkce::from_random(&octets);
        assert_eq!(
            pkce.verifier().expose(),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        assert_eq!(
            pkce.challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert!(!format!("{pkce:?}").contains("dBjft"));
    }

    #[test]
    fn base64url_pads_nothing_and_uses_the_url_alphabet() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn generated_verifiers_differ_and_are_valid() {
        let a = Pkce::generate().unwrap();
        let b = Pkce::generate().unwrap();
        assert_ne!(a.verifier().expose(), b.verifier().expose());
        let v = a.verifier().expose();
        assert_eq!(v.len(), 43);
        assert!(
            v.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
        );
        assert_ne!(random_state().unwrap(), random_state().unwrap());
    }
}
