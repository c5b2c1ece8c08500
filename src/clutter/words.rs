//! The words and phrases each family of clutter rules looks for (class/id words are matched as
//! whole parts of `class`/`id` split on spaces, '-' and '_'; phrases in lowercase text).

/// Class/id words of headline tickers.
pub const TICKER_WORDS: &[&str] = &["ticker", "newsticker", "breaking", "breakingnews", "marquee", "defilant", "défilant", "headlines-scroll", "urgent", "flash"];
/// Ticker labels (a strip's own short title).
pub const TICKER_LABELS: &[&str] = &["à la une", "a la une", "breaking", "breaking news", "dernière minute", "derniere minute", "en continu", "flash info", "عاجل", "أخبار عاجلة", "آخر الأخبار", "urgent", "live"];

/// Class/id words of ad slots.
pub const AD_WORDS: &[&str] = &[
    "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle", "adslot", "adunit", "adsense", "adbox",
    "adblock", "adcontainer", "adwrap", "dfp", "gpt", "publicite", "publicité", "sponsored", "banner-ad", "leaderboard",
    "skyscraper", "billboard", "taboola-ad",
];
/// Ad labels.
pub const AD_LABELS: &[&str] = &["publicité", "publicite", "pub", "advertisement", "advertising", "ad", "annonce", "sponsored", "sponsorisé", "إعلان", "اعلان", "إعلانات"];
/// Ad hosts in iframe sources.
pub const AD_HOSTS: &[&str] = &["doubleclick.net", "googlesyndication.com", "adservice.google", "amazon-adsystem.com", "adnxs.com", "criteo.", "smartadserver.com", "/ads/", "taboola.com", "outbrain.com"];
/// Standard IAB sizes (width, height).
pub const IAB_SIZES: &[(u32, u32)] = &[(728, 90), (300, 250), (300, 600), (160, 600), (970, 250), (320, 50), (970, 90), (336, 280), (320, 100), (468, 60), (120, 600)];

/// Image-report widget phrases.
pub const IMAGE_REPORT_PHRASES: &[&str] =
    &["signaler cette image", "merci d'avoir signalé", "merci d’avoir signalé", "report this image", "thanks for reporting", "الإبلاغ عن", "الابلاغ عن", "شكرا على الإبلاغ"];

/// Class/id words of share bars.
pub const SHARE_WORDS: &[&str] = &["share", "shares", "sharing", "sharebar", "share-bar", "sharethis", "addthis", "social-share", "socialshare", "partage", "partager", "share-buttons", "social-buttons", "social-links"];
/// Share endpoints in link targets.
pub const SHARE_HOSTS: &[&str] = &[
    "facebook.com/sharer", "facebook.com/share", "twitter.com/intent", "twitter.com/share", "x.com/intent", "wa.me/", "whatsapp://", "api.whatsapp.com",
    "linkedin.com/share", "linkedin.com/sharing", "t.me/share", "telegram.me/share", "pinterest.com/pin/create", "reddit.com/submit", "mailto:?",
];
/// Share-bar labels.
pub const SHARE_LABELS: &[&str] = &["partager", "partagez", "partager cet article", "share", "share this", "share this article", "شارك", "شارك المقال", "مشاركة"];

/// Class/id words of related / most-read lists.
pub const RELATED_WORDS: &[&str] = &[
    "related", "most-read", "mostread", "most-popular", "mostpopular", "popular", "plus-lus", "pluslus", "lire-aussi", "a-lire", "alire",
    "recommended", "recommendations", "outbrain", "taboola", "trending", "more-stories", "read-also", "also-read", "same-topic", "yarpp",
];
/// Headings of related / most-read lists.
pub const RELATED_LABELS: &[&str] = &[
    "les plus lus", "les plus lues", "articles les plus lus", "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "sur le même sujet",
    "dans la même rubrique", "articles similaires", "most read", "most popular", "related", "related articles", "related stories", "read more",
    "you may also like", "recommended", "more stories", "trending", "الأكثر قراءة", "الاكثر قراءة", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "مقالات ذات صلة",
    "أخبار ذات صلة",
];

/// Class/id words of comment sections.
pub const COMMENT_WORDS: &[&str] = &["comments", "comment-list", "commentlist", "comments-area", "comment-section", "disqus_thread", "disqus", "respond", "reactions", "commentaires", "fb-comments"];
/// Headings of comment sections.
pub const COMMENT_LABELS: &[&str] = &["commentaires", "comments", "réactions", "reactions", "laisser un commentaire", "leave a comment", "leave a reply", "التعليقات", "تعليقات", "أضف تعليقا", "أضف تعليقك"];

/// Class/id words of cookie / consent banners.
pub const CONSENT_WORDS: &[&str] = &["cookie", "cookies", "consent", "gdpr", "cmp", "didomi", "onetrust", "tarteaucitron", "cookiebanner", "cookie-banner", "cookie-notice", "rgpd", "privacy-banner"];
/// Consent banner phrases.
pub const CONSENT_PHRASES: &[&str] = &[
    "nous utilisons des cookies", "ce site utilise des cookies", "utilise des cookies", "we use cookies", "this site uses cookies", "this website uses cookies",
    "uses cookies", "ملفات تعريف الارتباط", "ملفات الكوكيز", "accepter les cookies", "accept cookies", "accept all cookies",
];

/// Class/id words of newsletter boxes.
pub const NEWSLETTER_WORDS: &[&str] = &["newsletter", "newsletters", "nl-signup", "signup-box", "subscribe-box", "email-signup", "optin", "emailoptin"];
/// Newsletter phrases.
pub const NEWSLETTER_PHRASES: &[&str] = &[
    "newsletter", "inscrivez-vous à notre", "abonnez-vous à notre lettre", "sign up for our", "subscribe to our", "get our daily", "النشرة البريدية", "النشرة الإخبارية", "اشترك في نشرتنا",
];

/// Class/id words of paywall boxes.
pub const PAYWALL_WORDS: &[&str] = &["paywall", "regwall", "premium-wall", "subscriber-only", "subscribers-only", "abonne-only", "article-locked", "locked-content", "piano-paywall", "metered"];
/// Paywall phrases.
pub const PAYWALL_PHRASES: &[&str] = &[
    "réservé aux abonnés", "reserve aux abonnes", "article réservé", "la suite est réservée", "abonnez-vous pour lire", "déjà abonné", "subscribe to continue reading",
    "to continue reading", "already a subscriber", "subscribers only", "this article is for subscribers", "هذا المحتوى مخصص للمشتركين", "للمشتركين فقط", "اشترك لمتابعة القراءة",
];

/// Class/id words of sticky bars.
pub const STICKY_WORDS: &[&str] = &["sticky", "is-sticky", "sticky-header", "sticky-footer", "fixed-top", "fixed-bottom", "navbar-fixed", "navbar-fixed-top", "affix"];

/// Class/id words of navigation.
pub const NAV_WORDS: &[&str] = &["breadcrumb", "breadcrumbs", "nav", "navbar", "navigation", "main-nav", "menu", "main-menu", "site-nav", "pagination"];
