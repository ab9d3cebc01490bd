//! Every user intent, in one vocabulary shared by the keymap, the help overlay and
//! `App::update`. Keys become actions in `keymap`; mouse and terminal events become actions in
//! `app`; panes never look at raw keys, except text input while a text field has focus.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the app (also what SIGTERM, SIGHUP and a closed terminal turn into).
    Quit,
    /// Move the selection one row up, or scroll the focused text up.
    Up,
    /// Move the selection one row down, or scroll the focused text down.
    Down,
    /// Jump to the first row.
    Top,
    /// Jump to the last row.
    Bottom,
    /// Move a screenful up.
    PageUp,
    /// Move a screenful down.
    PageDown,
    /// Switch to the next screen in the tab bar.
    NextTab,
    /// Switch to the previous screen in the tab bar.
    PrevTab,
    /// Switch to the screen with this 0-based position in the tab bar.
    GoTab(u8),
    /// Show the settings screen (it has no digit: the ten digits go to the daily screens).
    ShowSettings,
    /// Start typing a filter for the current list.
    Search,
    /// Open or confirm the selected item.
    Open,
    /// Go back one level: close an overlay, leave a text field, clear a filter.
    Back,
    /// Show or hide the list of keys for the current screen.
    Help,
    /// Show the help lines and the user's own support contacts.
    Crisis,
    /// Blank the screen at once, for a shared screen; any key brings it back.
    Hide,
    /// Lower the focused value (a form), or shorten the period (charts).
    Decrease,
    /// Raise the focused value (a form), or lengthen the period (charts).
    Increase,
    /// Tick or untick the choice under the cursor.
    Toggle,
    /// Save now (forms also save each change as it is made; this confirms an unchanged day).
    Save,
    /// Show the next view of the same data (chart, calendar, list).
    NextView,
    /// Show the previous view.
    PrevView,
    /// Edit the selected item on the screen where it is made.
    Edit,
    /// A key for the focused text field (only produced while one has focus).
    Text(KeyEvent),
    /// A digit typed on a field that takes a number (a check-in scale): it sets the value
    /// instead of picking a screen.
    Digit(u8),
    /// Take back what was just done, while the message that offers it is shown.
    Undo,
    /// Keep a check-in that could not be saved in a file beside the database, and quit; the
    /// next start offers it back.
    KeepUnsaved,
    /// Text pasted into the check-in's note as one insert (a bracketed paste). Actions stay
    /// `Copy`, so the text itself reaches the pane as `Ctx::pasted`.
    Paste,
    /// A mouse click at a cell of the terminal (only with `--mouse`).
    Click { column: u16, row: u16 },
    /// The mouse wheel turned up over the screen (only with `--mouse`).
    ScrollUp,
    /// The mouse wheel turned down over the screen (only with `--mouse`).
    ScrollDown,
    /// The terminal changed size; the next frame lays out anew.
    Resize { width: u16, height: u16 },
    /// Pause a running exercise, or continue a paused one.
    Pause,
    /// In a guided exercise, move on to the next step before its time is up.
    NextStep,
    /// Make the chosen session longer (one minute or one cycle).
    Longer,
    /// Make the chosen session shorter (one minute or one cycle).
    Shorter,
    /// Switch the session length between minutes and cycles.
    SwitchUnit,
    /// A deadline the current screen asked for (`App::deadline`) has passed: an animation moves.
    Tick,
    /// Mark the selected technique as a favourite, or unmark it.
    ToggleFavourite,
    /// Show the next filter of a list (all, favourites, then each tag).
    NextFilter,
    /// Show the previous filter of a list.
    PrevFilter,
    /// Start the exercise that goes with the selected technique.
    Practise,
    /// Answer that the statement on screen is a myth.
    AnswerMyth,
    /// Answer that the statement on screen is a fact.
    AnswerFact,
    /// Go on: to the next statement, or from a round's result back to the start.
    Continue,
    /// Start a new round of the quiz.
    NewRound,
    /// Start a round of the statements last answered wrong.
    ReviewMistakes,
    /// Mark the selected phase as the one you are in; again to remove the mark.
    MarkPhase,
    /// Show the next part of a screen that has several.
    NextSection,
    /// Show the previous part of a screen that has several.
    PrevSection,
    /// Open the check-in of this day (a day chosen in the history).
    EditCheckin(chrono::NaiveDate),
    /// Use this colour theme and bell from now on (a change on the settings screen; the other
    /// settings apply at the next start).
    ApplyLook { theme: crate::config::ThemeName, bell: bool },
    /// Open the question with this id in the questions-and-answers screen (a link elsewhere).
    OpenFaq(&'static str),
    /// Start the exercise with this id from `exercises.ron` (a technique's exercise key).
    StartExercise(&'static str),
    /// Record that the selected technique helped today.
    MarkUsed,
    /// Tick the technique with this id under "what helped" in today's check-in.
    UsedTechnique(&'static str),
    /// Create a new item on the current screen (a breathing pattern, a goal, a habit, a step,
    /// a counter, a plan entry).
    NewItem,
    /// Delete the selected item (asks first).
    Delete,
    /// Mark the selected goal done: a short celebration, then it moves to the archive.
    Complete,
    /// Plan a day off for the selected habit: the streak holds without it.
    PlanSkip,
    /// Record a slip on the selected counter, with what happened and what to learn.
    RecordSlip,
    /// Move the selected entry one place up its list.
    MoveUp,
    /// Move the selected entry one place down its list.
    MoveDown,
    /// Write down a craving as it happens, from any screen: how strong, what set it off.
    LogUrge,
}

impl Action {
    /// An action a screen hands on to the app (a link to another screen, a change that applies
    /// at once), not one a key or a click gives.
    pub fn is_handed_on(&self) -> bool {
        matches!(
            self,
            Action::EditCheckin(_)
                | Action::ApplyLook { .. }
                | Action::OpenFaq(_)
                | Action::StartExercise(_)
                | Action::UsedTechnique(_)
        )
    }
}
