//! The unlocked sync key in the OS keyring, when the user agreed at `init`: the kernel's
//! keyutils on Linux (no D-Bus service needed; cleared when the user's session ends), the
//! Keychain on macOS, the Credential Manager on Windows. Anything going wrong here only means
//! the passphrase is asked for (or read from its source) instead.

use age::secrecy::SecretString;

const SERVICE: &str = "mestring-sync";

/// Keeps the key for `device`. Returns why it could not, for a message.
pub fn store(device: &str, secret: &SecretString) -> Result<(), String> {
    imp::store(device, secret)
}

/// The key for `device`, if the keyring has it.
pub fn load(device: &str) -> Option<SecretString> {
    imp::load(device)
}

/// Removes the key for `device` (at a new `init` without the keyring). Nothing to do is fine.
pub fn forget(device: &str) {
    imp::forget(device);
}

#[cfg(all(feature = "keyring", any(target_os = "linux", target_os = "macos", target_os = "windows")))]
mod imp {
    use age::secrecy::{ExposeSecret, SecretString};

    use super::SERVICE;

    pub fn store(device: &str, secret: &SecretString) -> Result<(), String> {
        let entry = keyring::Entry::new(SERVICE, device).map_err(|e| e.to_string())?;
        entry.set_password(secret.expose_secret()).map_err(|e| e.to_string())?;
        // Read back: a keyring that accepts and forgets (some containers) is no keyring, and
        // whatever it may have kept is removed.
        let problem = match entry.get_password() {
            Ok(back) if back == secret.expose_secret() => return Ok(()),
            Ok(_) => "the keyring gave back something else".to_owned(),
            Err(e) => e.to_string(),
        };
        let _ = entry.delete_credential();
        Err(problem)
    }

    pub fn load(device: &str) -> Option<SecretString> {
        keyring::Entry::new(SERVICE, device).and_then(|e| e.get_password()).ok().map(SecretString::from)
    }

    pub fn forget(device: &str) {
        if let Ok(entry) = keyring::Entry::new(SERVICE, device) {
            let _ = entry.delete_credential();
        }
    }
}

#[cfg(not(all(feature = "keyring", any(target_os = "linux", target_os = "macos", target_os = "windows"))))]
mod imp {
    use age::secrecy::SecretString;

    pub fn store(_device: &str, _secret: &SecretString) -> Result<(), String> {
        Err("this build of mestring has no keyring support".to_owned())
    }

    pub fn load(_device: &str) -> Option<SecretString> {
        None
    }

    pub fn forget(_device: &str) {}
}
