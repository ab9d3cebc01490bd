//! Where the user's settings live. Content packs are read from `content/` beside the settings
//! file, so a clinic can hand out one folder.

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

pub const CONFIG_FILE: &str = "config.ron";

/// The settings file: `--config` / `MESTRING_CONFIG`, else the XDG config dir (also on macOS).
/// `None` when no home directory can be found.
pub fn config_path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_owned());
    }
    let xdg = etcetera::base_strategy::Xdg::new().ok()?;
    Some(xdg.config_dir().join("mestring").join(CONFIG_FILE))
}

/// `content/` beside the settings file.
pub fn pack_dir(config_path: &Path) -> PathBuf {
    config_path.parent().unwrap_or(Path::new(".")).join("content")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_sit_beside_the_settings_file() {
        let config = config_path(Some(Path::new("/srv/clinic/mestring.ron"))).unwrap();
        assert_eq!(pack_dir(&config), PathBuf::from("/srv/clinic/content"));
        assert_eq!(pack_dir(Path::new("config.ron")), PathBuf::from("content"));
    }
}
