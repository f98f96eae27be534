//! The content id a PDS gives an uploaded picture, worked out from its
//! bytes: CIDv1, raw codec, SHA-256, base32. A part already on the server
//! can then be checked for the pictures this try would attach, without
//! uploading them again to learn their ids.

use sha2::{Digest, Sha256};

/// CIDv1 (0x01), raw bytes (0x55), SHA-256 (0x12) of 32 bytes (0x20).
const PREFIX: [u8; 4] = [0x01, 0x55, 0x12, 0x20];

/// RFC 4648 base32, lower case, as multibase "b" writes it.
const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// The blob CID of `bytes`, as `ref.$link` shows it in a record.
pub(super) fn blob_cid(bytes: &[u8]) -> String {
    let mut cid = PREFIX.to_vec();
    cid.extend_from_slice(&Sha256::digest(bytes));
    let mut out = String::from("b");
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in cid {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::blob_cid;

    #[test]
    fn the_cid_of_hello_world_is_the_one_ipfs_and_atproto_give() {
        // The raw-leaf CIDv1 of "hello world", as IPFS's own tools print it.
        assert_eq!(
            blob_cid(b"hello world"),
            "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"
        );
    }

    #[test]
    fn other_bytes_give_another_cid_of_the_same_shape() {
        let a = blob_cid(b"foto kue lapis");
        let b = blob_cid(b"foto kue lapis.");
        assert_ne!(a, b);
        // "b" + 36 bytes in base32 (ceil(288 / 5) = 58 letters).
        assert_eq!((a.len(), b.len()), (59, 59));
        assert!(a.starts_with("bafkrei"), "{a}");
    }
}
