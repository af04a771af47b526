//! The journal's sync key (age X25519): made by `sync init`, printed for pairing, taken by
//! `sync join`. Everything written to the folder or remote is encrypted to it, so the folder
//! holds ciphertext only. A known-plaintext file at the folder's root lets `sync join` refuse
//! a wrong key before it writes anything.

use std::path::Path;

use age::secrecy::ExposeSecret;
use age::x25519::Identity;

use crate::domain::InputError;

/// The file at the folder's root that proves a key: the encryption of [`CHECK_TEXT`].
pub const CHECK_FILE: &str = "backtrack-sync.age";
const CHECK_TEXT: &[u8] = b"backtrack sync folder v1";

/// A sync key: the age identity (its text form starts with `AGE-SECRET-KEY-1`).
pub struct Key(Identity);

impl Key {
    pub fn generate() -> Key {
        Key(Identity::generate())
    }

    /// The key as typed at `sync join`; a refusal names the field and what is allowed.
    pub fn parse(text: &str) -> Result<Key, InputError> {
        text.trim().parse::<Identity>().map(Key).map_err(|_| {
            InputError::new(
                "key",
                "is not a sync key; allowed: the AGE-SECRET-KEY-1… line `backtrack sync init` printed",
            )
        })
    }

    /// The text to print for pairing and to keep in the machine-local file.
    pub fn text(&self) -> String {
        self.0.to_string().expose_secret().to_string()
    }

    pub fn encrypt(&self, plain: &[u8]) -> anyhow::Result<Vec<u8>> {
        Ok(age::encrypt(&self.0.to_public(), plain)?)
    }

    /// The plaintext, or an error for a wrong key or a damaged or partial file.
    pub fn decrypt(&self, cipher: &[u8]) -> anyhow::Result<Vec<u8>> {
        Ok(age::decrypt(&self.0, cipher)?)
    }

    /// The known-plaintext file's contents for this key.
    pub fn check_file(&self) -> anyhow::Result<Vec<u8>> {
        self.encrypt(CHECK_TEXT)
    }

    /// Whether this key opens the folder whose check file holds `cipher`.
    pub fn opens(&self, cipher: &[u8]) -> bool {
        self.decrypt(cipher).is_ok_and(|p| p == CHECK_TEXT)
    }

    /// Refuses a key that does not open the folder at `root` (or a folder with no check file).
    pub fn check_folder(&self, root: &Path) -> Result<(), InputError> {
        let path = root.join(CHECK_FILE);
        let cipher = std::fs::read(&path).map_err(|_| {
            InputError::new(
                "folder",
                format!(
                    "{} holds no {CHECK_FILE}; allowed: a folder made by `backtrack sync init` (wait for the sync engine to bring it)",
                    root.display()
                ),
            )
        })?;
        if !self.opens(&cipher) {
            return Err(InputError::new(
                "key",
                "does not open this sync folder; allowed: the key `backtrack sync init` printed for it; nothing was written",
            ));
        }
        Ok(())
    }
}
