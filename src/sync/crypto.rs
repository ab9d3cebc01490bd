//! The sync key and what it encrypts.
//!
//! The key is a random age X25519 identity. It never leaves a device in clear: in the folder it
//! is in `key.age`, encrypted with a key derived from the passphrase (age's scrypt recipient),
//! so joining needs only the folder and the passphrase, and a changed passphrase would rewrap
//! one small file. Event files, encrypted exports and backups are encrypted to the identity's
//! public half, each under its own random file key (age's format), which costs no scrypt work:
//! the slow derivation runs once per unlock, not once per file.
//!
//! The public half is kept only on the devices (it is in `key.age`, not beside it): anyone with
//! it could write files the devices would read, so it is as secret as the folder's contents.

use std::io::{Read, Write};

use age::secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// The first line inside `key.age`, so a different age file there is named as such.
const KEY_HEADER: &str = "mestring-sync-key 1\n";

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("wrong passphrase for this sync folder (its key file did not open); nothing was changed")]
    WrongPassphrase,
    #[error("the key file is not a mestring sync key")]
    NotAKey,
    #[error("not readable with this folder's key (damaged, cut short, or from another folder)")]
    Unreadable,
    #[error("could not encrypt: {0}")]
    Encrypt(String),
}

pub struct SyncKey {
    identity: age::x25519::Identity,
}

impl SyncKey {
    pub fn generate() -> Self {
        Self { identity: age::x25519::Identity::generate() }
    }

    /// The key as the OS keyring keeps it (`AGE-SECRET-KEY-1...`).
    pub fn from_secret(text: &str) -> Result<Self, CryptoError> {
        text.trim().parse().map(|identity| Self { identity }).map_err(|_| CryptoError::NotAKey)
    }

    pub fn secret(&self) -> SecretString {
        self.identity.to_string()
    }

    /// The public half (`age1...`): enough to encrypt, not to read.
    pub fn recipient(&self) -> String {
        self.identity.to_public().to_string()
    }

    pub fn fingerprint(&self) -> String {
        fingerprint_of(&self.recipient())
    }

    /// The contents of `key.age`: this key encrypted with the passphrase. `log_n` is scrypt's
    /// work factor; `None` lets age pick about a second of work on this machine.
    pub fn wrap(&self, passphrase: &SecretString, log_n: Option<u8>) -> Result<Vec<u8>, CryptoError> {
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        if let Some(log_n) = log_n {
            recipient.set_work_factor(log_n);
        }
        let plain = format!("{KEY_HEADER}{}\n", self.secret().expose_secret());
        encrypt(&recipient, plain.as_bytes())
    }

    /// Opens `key.age` with the passphrase.
    pub fn unwrap(file: &[u8], passphrase: &SecretString) -> Result<Self, CryptoError> {
        let identity = age::scrypt::Identity::new(passphrase.clone());
        let plain = decrypt(&identity, file).map_err(|e| match e {
            // Decryption of the file key failed: the passphrase. Anything else: the file.
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                CryptoError::WrongPassphrase
            }
            _ => CryptoError::NotAKey,
        })?;
        let text = String::from_utf8(plain).map_err(|_| CryptoError::NotAKey)?;
        let secret = text.strip_prefix(KEY_HEADER).ok_or(CryptoError::NotAKey)?;
        Self::from_secret(secret)
    }

    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
        encrypt(&self.identity.to_public(), plain)
    }

    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        decrypt(&self.identity, sealed).map_err(|_| CryptoError::Unreadable)
    }
}

/// Encrypts with only the public half, for the commands that write without the passphrase
/// (`export --encrypt`, backups).
pub fn seal_to(recipient: &str, plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let recipient: age::x25519::Recipient =
        recipient.parse().map_err(|e: &str| CryptoError::Encrypt(e.to_owned()))?;
    encrypt(&recipient, plain)
}

/// Whether bytes look like an age file (its first line), for `import` to know what it was given.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(b"age-encryption.org/v1\n")
}

/// Sixteen hex digits of the public half's SHA-256, in groups of four: two devices that show
/// the same fingerprint hold the same key. Says nothing about the key itself.
pub fn fingerprint_of(recipient: &str) -> String {
    let digest = Sha256::digest(recipient.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    hex.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

fn encrypt(recipient: &dyn age::Recipient, plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let fail = |e: &dyn std::fmt::Display| CryptoError::Encrypt(e.to_string());
    // age's own errors are not shown: their text comes from its Fluent catalogue in every
    // language it ships, which would add hundreds of kB to the binary. With one X25519 or
    // scrypt recipient, `with_recipients` cannot fail anyway.
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient))
        .map_err(|_| CryptoError::Encrypt("age refused the recipient".to_owned()))?;
    let mut sealed = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor.wrap_output(&mut sealed).map_err(|e| fail(&e))?;
    writer.write_all(plain).map_err(|e| fail(&e))?;
    writer.finish().map_err(|e| fail(&e))?;
    Ok(sealed)
}

fn decrypt(identity: &dyn age::Identity, sealed: &[u8]) -> Result<Vec<u8>, age::DecryptError> {
    let decryptor = age::Decryptor::new_buffered(sealed)?;
    let mut reader = decryptor.decrypt(std::iter::once(identity))?;
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain)?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    #[test]
    fn the_key_file_opens_with_its_passphrase_only() {
        let key = SyncKey::generate();
        let file = key.wrap(&pass("riktig hest"), Some(4)).unwrap();
        let opened = SyncKey::unwrap(&file, &pass("riktig hest")).unwrap();
        assert_eq!(opened.fingerprint(), key.fingerprint());
        assert!(matches!(SyncKey::unwrap(&file, &pass("feil hest")), Err(CryptoError::WrongPassphrase)));
        let stranger = seal_to(&key.recipient(), b"not a key").unwrap();
        assert!(matches!(SyncKey::unwrap(&stranger, &pass("x")), Err(CryptoError::WrongPassphrase)));
    }

    #[test]
    fn a_sealed_file_opens_with_the_same_key_and_not_when_changed_or_cut() {
        let key = SyncKey::generate();
        let sealed = key.seal(b"dagbok: en god dag").unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.windows(6).any(|w| w == b"dagbok"));
        assert_eq!(key.open(&sealed).unwrap(), b"dagbok: en god dag");
        let mut flipped = sealed.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 1;
        assert!(matches!(key.open(&flipped), Err(CryptoError::Unreadable)));
        assert!(matches!(key.open(&sealed[..sealed.len() - 5]), Err(CryptoError::Unreadable)));
        assert!(matches!(SyncKey::generate().open(&sealed), Err(CryptoError::Unreadable)));
        assert_eq!(key.open(&seal_to(&key.recipient(), b"x").unwrap()).unwrap(), b"x");
    }

    #[test]
    fn the_fingerprint_is_four_groups_and_the_secret_round_trips() {
        let key = SyncKey::generate();
        let print = key.fingerprint();
        assert_eq!(print.len(), 19);
        assert_eq!(print.matches('-').count(), 3);
        let again = SyncKey::from_secret(key.secret().expose_secret()).unwrap();
        assert_eq!(again.recipient(), key.recipient());
        assert_ne!(SyncKey::generate().fingerprint(), print);
    }
}
