//! Every user-facing string, in English (default) and Chinese.
//!
//! Views ask for a [`Text`] key and get the string for the active [`Lang`].
//! Widths are always measured by display width (CJK = 2 columns) by the
//! callers, never by byte length.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Parses `en` / `zh` (as given to `--lang`).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "zh" | "cn" | "zh-cn" | "chinese" | "中文" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The other language (the L key toggles).
    pub fn toggled(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The short code shown in the HUD.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "EN",
            Lang::Zh => "中文",
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }
}

/// A translatable string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Text {
    Festival,
    TagLine,
    SubTagLine,
    Play,
    HowToPlay,
    HighScores,
    Settings,
    Quit,
    Choose,
    Select,
    Help,
    Back,
    Page,
    NoScores,
    NoScoresHint,
    LevelSelect,
    ChooseFestival,
    Details,
    Invalid,
    CannotStart,
    PlayLevel,
    Language,
    LaneKeys,
    Colour,
    ReduceMotion,
    On,
    Off,
    Change,
    SavedOnChange,
    Paused,
    PausedBody,
    Resume,
    QuitFestival,
    QuitConfirmTitle,
    QuitYes,
    QuitNo,
    Enlarge,
    Now,
    GamePaused,
    Needed,
    HelpTitle,
    HelpClose,
    ClockPaused,
    CatchKeys,
    Also,
    Catch,
    Pause,
    CtrlCQuit,
    Loading,
    BestNone,
    RainPerfect,
    RainGood,
    RainEmptyCaught,
    RainEmptyPress,
    RainNextCatch,
    RainDocked,
    RainHowTo,
    RainPenalty,
}

/// The string for `key` in `lang`.
pub fn t(lang: Lang, key: Text) -> &'static str {
    use Text::*;
    match lang {
        Lang::En => match key {
            Festival => "11.11 shopping festival",
            TagLine => "T H E   H A N D - C H O P P I N G   F E S T I V A L   剁手节",
            SubTagLine => "catch red envelopes · shop before midnight · keep your hands",
            Play => "Play",
            HowToPlay => "How to play",
            HighScores => "High scores",
            Settings => "Settings",
            Quit => "quit",
            Choose => "choose",
            Select => "select",
            Help => "help",
            Back => "back",
            Page => "page",
            NoScores => "no scores yet",
            NoScoresHint => "play a festival to the midnight bell to set one",
            LevelSelect => "LEVEL SELECT",
            ChooseFestival => "Choose a festival",
            Details => "Details",
            Invalid => "✗ invalid",
            CannotStart => "this level cannot start",
            PlayLevel => "play",
            Language => "Language",
            LaneKeys => "Lane keys",
            Colour => "Colour",
            ReduceMotion => "Reduce motion",
            On => "on",
            Off => "off",
            Change => "change",
            SavedOnChange => "saved on change",
            Paused => "PAUSED",
            PausedBody => "The clock stopped.",
            Resume => "resume",
            QuitFestival => "quit this festival",
            QuitConfirmTitle => "QUIT THIS FESTIVAL?",
            QuitYes => "quit, lose this festival",
            QuitNo => "keep playing",
            Enlarge => "Enlarge the window to",
            Now => "now",
            GamePaused => "the game is paused",
            Needed => "needed",
            HelpTitle => "HELP",
            HelpClose => "? or Esc close",
            ClockPaused => "The clock is paused while this is open.",
            CatchKeys => "catch",
            Also => "also",
            Catch => "CATCH",
            Pause => "pause",
            CtrlCQuit => "Ctrl-C quit at once (a festival in play is saved)",
            Loading => "loading",
            BestNone => "best ★ —",
            RainPerfect => "PERFECT",
            RainGood => "good",
            RainEmptyCaught => "empty",
            RainEmptyPress => "empty press · next catch",
            RainNextCatch => "next catch",
            RainDocked => "lost to empty presses",
            RainHowTo => "Perfect on the ▶◀ line, good anywhere in the CATCH band",
            RainPenalty => {
                "An empty press breaks the combo, locks the lane 0.5 s and costs 25% of your next catch"
            }
        },
        Lang::Zh => match key {
            Festival => "双十一购物狂欢节",
            TagLine => "剁 手 节 · THE HAND-CHOPPING FESTIVAL",
            SubTagLine => "抢红包 · 零点前买买买 · 管住你的手",
            Play => "开始游戏",
            HowToPlay => "玩法说明",
            HighScores => "排行榜",
            Settings => "设置",
            Quit => "退出",
            Choose => "选择",
            Select => "确定",
            Help => "帮助",
            Back => "返回",
            Page => "翻页",
            NoScores => "还没有成绩",
            NoScoresHint => "玩到午夜钟声即可上榜",
            LevelSelect => "选择关卡",
            ChooseFestival => "选择一届双十一",
            Details => "详情",
            Invalid => "✗ 无效",
            CannotStart => "此关卡无法开始",
            PlayLevel => "开始",
            Language => "语言",
            LaneKeys => "车道按键",
            Colour => "颜色",
            ReduceMotion => "减少动画",
            On => "开",
            Off => "关",
            Change => "更改",
            SavedOnChange => "更改即保存",
            Paused => "已暂停",
            PausedBody => "时钟已停止。",
            Resume => "继续",
            QuitFestival => "退出本届",
            QuitConfirmTitle => "退出本届双十一？",
            QuitYes => "退出，放弃本届",
            QuitNo => "继续游戏",
            Enlarge => "请把窗口放大到",
            Now => "当前",
            GamePaused => "游戏已暂停",
            Needed => "需要",
            HelpTitle => "帮助",
            HelpClose => "? 或 Esc 关闭",
            ClockPaused => "帮助打开时时钟暂停。",
            CatchKeys => "接红包",
            Also => "也可用",
            Catch => "接住区",
            Pause => "暂停",
            CtrlCQuit => "Ctrl-C 立即退出（进行中的一届会保存）",
            Loading => "加载中",
            BestNone => "最高分 ★ —",
            RainPerfect => "完美",
            RainGood => "不错",
            RainEmptyCaught => "空红包",
            RainEmptyPress => "空按 · 下一个红包",
            RainNextCatch => "下一个红包",
            RainDocked => "被空按扣掉",
            RainHowTo => "在 ▶◀ 线上按为完美，接住区内为不错",
            RainPenalty => "空按会中断连击、锁住车道 0.5 秒，并扣掉下一个红包的 25%",
        },
    }
}

/// One line of 11.11 history for the title screen; `n` picks which.
pub fn fact(lang: Lang, n: usize) -> &'static str {
    const EN: [&str; 4] = [
        "2009: 27 brands took part in the first 11.11",
        "2017: ¥168.2 billion in one day · Alipay peaked at 256,000 payments/s",
        "2018: ¥10 billion by 00:02:05",
        "2021: ¥540.3 billion over the festival, then no more live tally",
    ];
    const ZH: [&str; 4] = [
        "2009 年：首届双十一，27 个品牌参加",
        "2017 年：一天 1682 亿元 · 支付宝峰值每秒 25.6 万笔",
        "2018 年：2 分 05 秒突破 100 亿元",
        "2021 年：成交 5403 亿元，此后不再公布实时数字",
    ];
    match lang {
        Lang::En => EN[n % EN.len()],
        Lang::Zh => ZH[n % ZH.len()],
    }
}
