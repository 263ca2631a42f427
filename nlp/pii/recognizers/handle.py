"""HANDLE: user names on social media and links to a person's profile.

A handle points to one person as surely as a phone number does ("her TikTok account
@rose.tesfay.og.livet"). Accepted:

* "@"-mentions: "@unge_parorende_drammen", "@kari.h", "@Ola_98" (config score); not the "@" of
  an e-mail address, "@ 30 kr" or a lone "@";
* profile links on the social networks: "facebook.com/rahel.kulturmegler",
  "www.instagram.com/kari_h/", "tiktok.com/@ola", "snapchat.com/add/ola98" (config score);
* a user name without "@" that the words just before it call one: "snap-gruppa til Ask
  (ask_b2007)", "brukernavnet hans er ola98", "insta: kari.hansen", "snap: hodan.w99" (config −
  0.15), within six words, or that the words just after it do ("han heter «runestav76» på
  snap"), within three. It must look like a user name, not a word: an underscore, a dot
  after letters ("kriss.l02"), or letters and digits;
* any word right after a network's name and a colon ("discord: stormzyx", "Snap: kiki"), unless
  it is an ordinary word ("snap: nei") (config − 0.15);
* a personal blog's address ("ingridsverden.blogg.no", "kari.blogspot.com") (config score);
* a word with an underscore between letters anywhere ("ho heiter liv_i_lia der"), or with a
  capital inside and digits at its end ("«DagNatt99»"): no Norwegian word is written so (config
  − 0.15);
* a Discord tag ("Kr1ssy#0420") (config score);
* since pii 1.9.0: a name, a dot and letters ending in digits ("tesfay.g07"), wherever it
  stands (config − 0.15);
* a word after "gamertag", "brukernavnet", "brukeren" without a colon ("fra brukeren babakenan"),
  unless an ordinary word, and a channel's, server's or account's name in quote marks
  ("YouTube-kanalen «Zosia i fjorden»") (config − 0.15).
* since pii 1.20.0: a user name dictated with its underscores said ("livsglede understrek liv")
  (config − 0.15); an emoji code of a chat export (":white_check_mark:") is none.

Not flagged: the networks' own names ("Facebook", "Snapchat"), e-mail addresses (EMAIL has
them), web addresses of services ("nav.no/familie", "helsenorge.no").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

import regex

from nlp.pii.lexicon import is_ordinary_word
from nlp.pii.recognizers.pattern_base import (
    Candidate,
    NbPatternRecognizer,
    clip,
    compile_pattern,
    words_after,
    words_before,
)

_NAME_CHARS = r"[\p{L}\p{N}_]"
_MENTION = compile_pattern(
    r"(?<![\p{L}\p{N}_.@/-]) @ (?P<name>"
    + _NAME_CHARS
    + r"{2,30} (?:\."
    + _NAME_CHARS
    + r"{1,30}){0,4}) (?![\p{L}\p{N}_@]) (?!\.[\p{L}\p{N}])"
)
_NETWORKS = (
    "facebook|fb|instagram|tiktok|snapchat|twitter|x|linkedin|youtube|threads|pinterest|twitch"
    "|reddit|vk"
)
_PROFILE_LINK = compile_pattern(
    r"(?<![\p{L}\p{N}_.@-]) (?:https?://)? (?:(?:www|m|no-nb|nb-no)\.)? (?:"
    + _NETWORKS
    + r") \.(?:com|tv) / (?:(?:in|add|user|u|profile\.php\?id=)/?)? @?"
    + _NAME_CHARS
    + r"[\p{L}\p{N}_.-]{0,60} (?<![.-]) /?",
    ignore_case=True,
)
# a personal blog: the blog's name is the writer's
_BLOG = compile_pattern(
    r"(?<![\p{L}\p{N}_.@/-]) (?:https?://)? (?:www\.)? [\p{L}\p{N}_-]+ (?:\.[\p{L}\p{N}_-]+)?"
    r" \. (?:blogg|blogspot|wordpress|tumblr|substack) \. (?:no|com|se|dk) (?:/[\p{L}\p{N}_./-]*)?"
    r" (?<![.])",
    ignore_case=True,
)
# a network's name and a colon: what follows is a user name, whatever it looks like
_LABELLED = compile_pattern(
    r"(?<![\p{L}\p{N}_.@/-]) (?:snap|snapchat|insta|instagram|tiktok|discord|twitter|facebook"
    r"|fb|gamertag|brukernavn|brukarnamn|nick) [ \t]* : [ \t]* (?P<name>[\p{L}\p{N}_.]{2,30})"
    r" (?<![.]) (?![\p{L}\p{N}_@])",
    ignore_case=True,
)
# a user name without "@": underscore, a dot between letters, or letters and digits mixed
_BARE = compile_pattern(
    r"(?<![\p{L}\p{N}_.@/-]) (?: [\p{L}\p{N}]+ (?:\.[\p{L}\p{N}]+)* (?:_[\p{L}\p{N}]*)+"
    r" | \p{L}[\p{L}\p{N}]*(?:\.[\p{L}\p{N}]+){1,3}"
    r" | \p{L}{2,}\p{N}{2,4} ) (?![\p{L}\p{N}_@]) (?!\.[\p{L}\p{N}])"
)
# a word whose capitals inside and digits at the end make it a user name, wherever it stands
# ("«DagNatt99» – Dag, 14 år"): no Norwegian word is written so
_CAMEL_DIGITS = compile_pattern(
    r"(?<![\p{L}\p{N}_.@/-]) \p{L}* \p{Ll} \p{Lu} \p{L}* \p{N}{1,4} (?![\p{L}\p{N}_@])"
)
# a name, a dot and letters ending in digits ("tesfay.g07", "emma.sol04"), wherever it stands:
# no Norwegian word or abbreviation is written so
_DOTTED_DIGITS = compile_pattern(
    r"(?<![\p{L}\p{N}_.@/-]) \p{L}{3,} \. \p{L}+ \p{N}{1,4} (?![\p{L}\p{N}_@]) (?!\.[\p{L}\p{N}])"
)
# a user name the word before calls one, without a colon ("Gamertag AskeladdenXX", "fra
# brukeren babakenan"), and a channel's or server's name in quote marks ("YouTube-kanalen «Zosia
# i fjorden»")
_CALLED = compile_pattern(
    r"(?<![\p{L}]) (?:gamertag|gamertagen|brukernavn(?:et)?|brukarnamn(?:et)?|brukeren|brukaren"
    r"|nicket) [ \t]+ (?:er[ \t]+|var[ \t]+)? (?P<name>[\p{L}\p{N}_.]{2,30}) (?<![.])"
    r" (?![\p{L}\p{N}_@])",
    ignore_case=True,
)
_CHANNEL = compile_pattern(
    r"(?:[Kk]anal|[Kk]analen|[Ss]erver|[Ss]erveren|[Kk]ontoen|[Pp]rofilen)"
    r" [ \t]+ (?:sin[ \t]+|si[ \t]+)? (?:som[ \t]+(?:heter|heiter)[ \t]+)?"
    r" [«\"“] (?P<name>[^»\"”\n]{2,40}) [»\"”]",
)
_UNDERSCORED = compile_pattern(
    r"[\p{L}\p{N}]* \p{L} [\p{L}\p{N}]* (?:\.[\p{L}\p{N}]+)* (?:_[\p{L}\p{N}]+)+"
)
# a user name dictated with its underscores said ("livsglede understrek liv")
_DICTATED = compile_pattern(
    r"(?<![\p{L}\p{N}]) [\p{L}\p{N}]{2,30}"
    r" (?: ${SP}+ (?:understrek|understreking|underscore) ${SP}+ [\p{L}\p{N}]{1,30} )+"
    r" (?![\p{L}\p{N}])",
    ignore_case=True,
)
# a Discord tag: a user name, "#" and four digits ("Kr1ssy#0420")
_DISCORD_TAG = compile_pattern(
    r"(?<![\p{L}\p{N}_.@#/-]) [\p{L}\p{N}_.]{2,32} \# [0-9]{4} (?![0-9])"
)
# words that call a following word a user name (in the six words before it: "lager en
# Snap-gruppe for de som var her, legg til hodan.xo")
HANDLE_WORDS = (
    "snap",
    "snapchat",
    "insta",
    "instagram",
    "tiktok",
    "brukernavn",
    "brukarnamn",
    "profil",
    "konto",
    "kontoen",
    "discord",
    "twitter",
    "facebook",
    "gamertag",
    "nick",
    "handle",
    # games where youth go by a user name ("spelar Fortnite som askhaugen06")
    "fortnite",
    "minecraft",
    "roblox",
    "steam",
    "xbox",
    "psn",
    "twitch",
)


def _may_hold_bare_handle(line: str) -> bool:
    """A line where ``find`` may keep a bare match: one with an underscore ("liv_i_lia"), or
    with a handle word, which must stand near the match on its line (``words_before``,
    ``words_after``)."""
    if "_" in line:
        return True
    lowered = line.lower()
    return any(word in lowered for word in HANDLE_WORDS)


# a chat export's emoji code (":white_check_mark:"), no user name
_EMOJI_CODE = regex.compile(r":[a-z0-9_+-]+:")
# a key of an exported record ("  antall_deltakere: 6", "deltaker_1:"), no user name
_KEY = regex.compile(r":[ \t]|:$", regex.MULTILINE)


def _is_key(text: str, start: int, end: int) -> bool:
    """Words joined by underscores alone at a line's start before a colon: a record's key
    ("antall_deltakere: 6", "co_leder:"), not a user name ("kaaaasper_04: lå på Sand")."""
    line_start = text.rfind("\n", 0, start) + 1
    parts = text[start:end].split("_")
    return (
        not text[line_start:start].strip()
        and _KEY.match(text, end) is not None
        and all(p.isdigit() or len(p) <= 2 or is_ordinary_word(p) for p in parts)
    )


_DOMAIN_END = regex.compile(r"\.(?:no|com|org|net|se|dk|nu|io)$", regex.IGNORECASE)
# abbreviations with inner dots that are no user names
ABBREVIATIONS = frozenset(
    {
        "f.eks",
        "bl.a",
        "m.m",
        "m.fl",
        "o.l",
        "e.l",
        "t.d",
        "t.o.m",
        "d.v.s",
        "o.a",
        "a.s",
        "p.t",
        "org.nr",
        "tlf.nr",
        "mob.nr",
        "pers.nr",
        "saks.nr",
        "ref.nr",
        "konto.nr",
        "st.meld",
    }
)


class HandleRecognizer(NbPatternRecognizer):
    """Social-media user names and profile links."""

    ENTITY = "HANDLE"
    NAME = "handle"
    PATTERNS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "mention": _MENTION,
        "profile_link": _PROFILE_LINK,
        "bare": _BARE,
        "blog": _BLOG,
        "labelled": _LABELLED,
        "camel_digits": _CAMEL_DIGITS,
        "dotted_digits": _DOTTED_DIGITS,
        "discord_tag": _DISCORD_TAG,
        "called": _CALLED,
        "channel": _CHANNEL,
        "dictated": _DICTATED,
    }
    PREFILTERS: ClassVar[dict[str, regex.Pattern[str]]] = {
        "mention": compile_pattern(r"@"),
        "profile_link": compile_pattern(r"\.(?:com|tv)/", ignore_case=True),
        "blog": compile_pattern(
            r"\.(?:blogg|blogspot|wordpress|tumblr|substack)\.", ignore_case=True
        ),
        "labelled": compile_pattern(r":"),
        "camel_digits": compile_pattern(r"\p{Lu}\p{L}*\p{N}"),
        "dotted_digits": compile_pattern(r"\.\p{L}+\p{N}"),
        "discord_tag": compile_pattern(r"\#[0-9]{4}"),
        "called": compile_pattern(r"(?:tag|navn|namn|bruke|bruka|nick)", ignore_case=True),
        "channel": compile_pattern(r"(?:kanal|server|konto|profil)", ignore_case=True),
        "dictated": compile_pattern(r"understrek|underscore", ignore_case=True),
    }
    LINE_BOUND = frozenset(
        {
            "mention",
            "profile_link",
            "blog",
            "labelled",
            "camel_digits",
            "dotted_digits",
            "called",
            "channel",
            "dictated",
        }
    )
    LINE_FILTERS: ClassVar[dict[str, Callable[[str], bool]]] = {"bare": _may_hold_bare_handle}

    def find(self, text: str) -> Iterator[Candidate]:
        for match in self.iter_matches("mention", text):
            yield Candidate(match.start(), match.end(), clip(self.score), "mention")
        for match in self.iter_matches("profile_link", text):
            yield Candidate(match.start(), match.end(), clip(self.score), "profile_link")
        for match in self.iter_matches("blog", text):
            yield Candidate(match.start(), match.end(), clip(self.score), "blog")
        for name, why in (("labelled", "after_network"), ("called", "called")):
            for match in self.iter_matches(name, text):
                word = match.group("name")
                if not is_ordinary_word(word) and not word.isdigit():
                    yield Candidate(*match.span("name"), clip(self.score - 0.15), why)
        for name in ("camel_digits", "dotted_digits"):
            for match in self.iter_matches(name, text):
                yield Candidate(match.start(), match.end(), clip(self.score - 0.15), name)
        for match in self.iter_matches("discord_tag", text):
            yield Candidate(match.start(), match.end(), clip(self.score), "discord_tag")
        for match in self.iter_matches("channel", text):
            yield Candidate(*match.span("name"), clip(self.score - 0.15), "channel")
        for match in self.iter_matches("dictated", text):
            yield Candidate(*match.span(), clip(self.score - 0.15), "dictated")
        lowered = text.lower()
        named = any(word in lowered for word in HANDLE_WORDS)
        if not named and "_" not in text:
            return
        for match in self.iter_matches("bare", text):
            if _DOMAIN_END.search(match.group()) or match.group().lower() in ABBREVIATIONS:
                continue  # "nav.no", "f.eks": a web address or an abbreviation
            if (
                _UNDERSCORED.fullmatch(match.group())
                and not _EMOJI_CODE.fullmatch(text, max(0, match.start() - 1), match.end() + 1)
                and not _is_key(text, match.start(), match.end())
            ):
                # "liv_i_lia": no Norwegian word is written with an underscore between letters
                yield Candidate(match.start(), match.end(), clip(self.score - 0.15), "underscore")
                continue
            if not named:
                continue
            before = words_before(text, match.start(), 6)
            after = words_after(text, match.end(), 3)  # "«runestav76» på snap", not "kontor"
            if any(w.startswith(HANDLE_WORDS) or w.endswith(HANDLE_WORDS) for w in before) or any(
                w in HANDLE_WORDS for w in after
            ):
                yield Candidate(match.start(), match.end(), clip(self.score - 0.15), "bare_handle")
