//! URL resolution (RFC 3986 §5.2) for links and images: relative → absolute against the page.
//! Hand-written instead of the `url` crate, whose IDNA tables would weigh ~200 KB in the wasm;
//! the core only needs reference resolution and scheme checks.

/// The scheme of `u` (lowercase) if it has a syntactically valid one.
pub fn scheme(u: &str) -> Option<String> {
    let i = u.find(':')?;
    let s = &u[..i];
    let mut chars = s.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        Some(s.to_ascii_lowercase())
    } else {
        None
    }
}

/// Strips what browsers ignore in URL attributes: leading/trailing C0 controls and spaces, and
/// embedded tabs and newlines (`java\tscript:` is `javascript:` to a browser).
pub fn clean(u: &str) -> String {
    u.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(u: &str) -> Parts<'_> {
    let (rest, fragment) = match u.find('#') {
        Some(i) => (&u[..i], Some(&u[i + 1..])),
        None => (u, None),
    };
    let (rest, query) = match rest.find('?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (scheme, rest) = match scheme(rest) {
        Some(_) => {
            let i = rest.find(':').unwrap_or(0);
            (Some(&rest[..i]), &rest[i + 1..])
        }
        None => (None, rest),
    };
    let (authority, path) = if let Some(r) = rest.strip_prefix("//") {
        match r.find('/') {
            Some(i) => (Some(&r[..i]), &r[i..]),
            None => (Some(r), ""),
        }
    } else {
        (None, rest)
    };
    Parts { scheme, authority, path, query, fragment }
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let segs: Vec<&str> = path.split('/').collect();
    let n = segs.len();
    for (i, seg) in segs.iter().enumerate() {
        match *seg {
            "." => {
                if i == n - 1 {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 || (out.len() == 1 && !absolute) {
                    out.pop();
                }
                if i == n - 1 {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut joined = out.join("/");
    if absolute && !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    joined
}

/// Resolves `reference` against `base` (an absolute URL). Returns `reference` cleaned when it
/// is already absolute or when there is no usable base.
pub fn resolve(base: Option<&str>, reference: &str) -> String {
    let r = clean(reference);
    if scheme(&r).is_some() {
        return r;
    }
    let Some(base) = base else { return r };
    let b = split(base);
    let Some(bs) = b.scheme else { return r };
    let rp = split(&r);
    let (authority, path, query);
    if let Some(a) = rp.authority {
        authority = Some(a);
        path = remove_dot_segments(rp.path);
        query = rp.query;
    } else {
        authority = b.authority;
        if rp.path.is_empty() {
            path = b.path.to_string();
            query = rp.query.or(b.query);
        } else {
            path = if rp.path.starts_with('/') {
                remove_dot_segments(rp.path)
            } else {
                let merged = if b.authority.is_some() && b.path.is_empty() {
                    format!("/{}", rp.path)
                } else {
                    match b.path.rfind('/') {
                        Some(i) => format!("{}{}", &b.path[..=i], rp.path),
                        None => rp.path.to_string(),
                    }
                };
                remove_dot_segments(&merged)
            };
            query = rp.query;
        }
    }
    let mut out = String::with_capacity(base.len() + r.len());
    out.push_str(bs);
    out.push(':');
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = rp.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The host of an absolute URL, lowercase, without `www.`.
pub fn host(u: &str) -> Option<String> {
    let a = split(u).authority?;
    let a = a.rsplit('@').next()?;
    let h = a.split(':').next()?.to_ascii_lowercase();
    Some(h.strip_prefix("www.").unwrap_or(&h).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3986_examples() {
        let b = Some("http://a/b/c/d;p?q");
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("./../g", "http://a/b/g"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ] {
            assert_eq!(resolve(b, r), want, "{r}");
        }
    }

    #[test]
    fn schemes_and_hosts() {
        assert_eq!(scheme(&clean(" JaVa\tScript:alert(1)")).as_deref(), Some("javascript"));
        assert_eq!(scheme("/path:x"), None);
        assert_eq!(host("https://www.Maghress.com/fr/albayane/1").as_deref(), Some("maghress.com"));
        assert_eq!(resolve(None, "/x"), "/x");
    }
}
