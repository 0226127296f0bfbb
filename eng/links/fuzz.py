#!/usr/bin/env python3
"""Look-alike hosts of every confirmed broker domain, for measuring `takeover link` on names its own tests did not draw.

Fuzzes the registrable label (split by the embedded Public Suffix List, subdomains kept): addition, random and keyboard
insertion (QWERTY), AZERTY replacement, bit flips, omission, repetition, transposition, vowel swaps, hyphenation, ASCII
and Unicode homoglyphs (accents, Cyrillic, Greek; one and two at once), all-Cyrillic and full-width labels, dictionary
words joined or hyphenated before or after, other suffixes, and hosts shaped like broker phishing (the official name run
together or hyphenated into another name, hidden in a subdomain, with words or digits). Prints kind TAB official TAB host.

  python3 eng/links/fuzz.py --seed 7 > /tmp/fuzz.tsv
  cut -f3 /tmp/fuzz.tsv | dotnet src/TakeoverRules.Cli/bin/Release/net10.0/takeover.dll link --stdin --format json > /tmp/fuzz.jsonl
  python3 eng/links/score.py /tmp/fuzz.tsv /tmp/fuzz.jsonl
"""
import argparse, json, random
ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--facts', default='src/TakeoverRules/Facts/Data/facts.json')
ap.add_argument('--psl', default='src/TakeoverRules/Links/Data/public-suffixes.txt')
ap.add_argument('--seed', type=int, default=7)
ap.add_argument('--words', help='comma-separated dictionary words instead of the built-in login words')
ap.add_argument('--kinds', help='comma-separated kinds to print (default: all)')
args = ap.parse_args()
facts, pslpath = args.facts, args.psl
rnd = random.Random(args.seed)
d = json.load(open(facts))
doms = [x['name'] for b in d['brokers'] for x in b.get('domains', []) if x.get('confirmed')]
alld = {x['name'] for b in d['brokers'] for x in b.get('domains', [])}
rules = set(); wild = set(); exc = set()
for l in open(pslpath, encoding='utf-8'):
    l = l.strip()
    if not l or l.startswith('#'): continue
    if l.startswith('!'): exc.add(l[1:])
    elif l.startswith('*.'): wild.add(l[2:])
    else: rules.add(l)
def split(host):
    p = host.split('.')
    for i in range(len(p)):
        cand = '.'.join(p[i:])
        if cand in rules or '.'.join(p[i+1:]) in wild:
            return p[:i-1], p[i-1], cand
    return p[:-2], p[-2], p[-1]
qwerty = ['1234567890-', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm']
azerty = ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn']
def neigh(c, rows):
    out = set()
    for r, row in enumerate(rows):
        i = row.find(c)
        if i < 0: continue
        for dr in (-1, 0, 1):
            if 0 <= r+dr < len(rows):
                for di in (-1, 0, 1):
                    j = i+di
                    if 0 <= j < len(rows[r+dr]) and (dr, di) != (0, 0): out.add(rows[r+dr][j])
    return out
# ASCII and Unicode homoglyphs (own pick, dnstwist-like breadth)
glyph = {'a': ['à', 'á', 'â', 'ã', 'ä', 'å', 'ɑ', 'ạ', 'ă', 'ą', 'а', 'α'], 'b': ['lb', 'ib', 'ḅ', 'ƅ', 'Ь'], 'c': ['ç', 'ć', 'ċ', 'с', 'ϲ'],
         'd': ['cl', 'dl', 'ď', 'ḍ', 'ԁ'], 'e': ['è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'е', 'ε'], 'g': ['ġ', 'ğ', 'ɡ', 'ģ'], 'h': ['lh', 'ih', 'һ', 'ḥ'],
         'i': ['1', 'l', 'í', 'ì', 'ï', 'ı', 'і', 'ι'], 'k': ['lk', 'ik', 'lc', 'κ', 'к', 'ḳ'], 'l': ['1', 'i', 'ɫ', 'ł', 'ӏ'], 'm': ['n', 'nn', 'rn', 'rr', 'ṃ', 'м'],
         'n': ['m', 'r', 'ń', 'ñ', 'ņ', 'ո', 'п'], 'o': ['0', 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'о', 'ο', 'ọ'], 'p': ['ρ', 'р', 'ṗ'], 'q': ['g', 'զ'],
         'r': ['ʀ', 'ŕ', 'ř', 'г'], 's': ['ѕ', 'ś', 'š', 'ş', '5'], 't': ['ţ', 'ŧ', 'ṭ', 'т'], 'u': ['μ', 'υ', 'ù', 'ú', 'û', 'ü', 'ū', 'ս'], 'v': ['ѵ', 'ν'],
         'w': ['vv', 'ŵ', 'ω', 'ԝ'], 'x': ['х', 'ҳ'], 'y': ['ʏ', 'ý', 'ÿ', 'у', 'γ'], 'z': ['ʐ', 'ż', 'ź', 'ẓ']}
cyr = {'a': 'а', 'b': 'ь', 'c': 'с', 'd': 'ԁ', 'e': 'е', 'g': 'ԍ', 'h': 'һ', 'i': 'і', 'j': 'ј', 'k': 'к', 'l': 'ӏ', 'm': 'м', 'o': 'о', 'p': 'р', 'q': 'ԛ', 's': 'ѕ', 't': 'т', 'v': 'ѵ', 'w': 'ԝ', 'x': 'х', 'y': 'у'}
words = ['login', 'signin', 'secure', 'security', 'support', 'account', 'verify', 'online', 'web', 'jp', 'japan', 'official', 'mypage', 'my',
         'member', 'auth', 'update', 'confirm', 'service', 'help', 'info', 'portal', 'center', 'user', 'home', 'net', 'app', 'kyc', 'notice', 'alert']
if args.words: words = args.words.split(',')
tlds = ['com', 'net', 'org', 'jp', 'co.jp', 'ne.jp', 'top', 'xyz', 'icu', 'cn', 'cc', 'vip', 'shop', 'site', 'club', 'live', 'work', 'buzz', 'asia', 'info', 'biz', 'me', 'io', 'tokyo', 'com.cn', 'net.cn']
def idn(s):
    try: return '.'.join(p.encode('idna').decode('ascii') if any(ord(c) > 127 for c in p) else p for p in s.split('.'))
    except Exception: return None
out = []
def emit(kind, dom, host):
    if host is None: return
    if any(c not in 'abcdefghijklmnopqrstuvwxyz0123456789-.' for c in host):
        h = idn(host)
        if h is None: return
        host = h
    labels = host.split('.')
    if any(not l or l.startswith('-') or l.endswith('-') or len(l) > 63 for l in labels): return
    out.append((kind, dom, host))
for dom in doms:
    sub, label, suffix = split(dom)
    pre = '.'.join(sub) + '.' if sub else ''
    def v(kind, l, sfx=None): 
        if l != label: emit(kind, dom, pre + l + '.' + (sfx or suffix))
    for i in range(len(label) + 1):
        for c in rnd.sample('abcdefghijklmnopqrstuvwxyz0123456789', 6): v('insertion-rand', label[:i] + c + label[i:])
    for c in 'abcdefghijklmnopqrstuvwxyz': v('addition', label + c)
    for i, ch in enumerate(label):
        for b in range(8):
            f = chr(ord(ch) ^ (1 << b))
            if f.isascii() and (f.isalnum() and f.islower() or f.isdigit() or f == '-'): v('bitsquatting', label[:i] + f + label[i+1:])
        for g in glyph.get(ch, []): v('homoglyph', label[:i] + g + label[i+1:])
        for k in sorted(neigh(ch, azerty)): v('replacement-azerty', label[:i] + k + label[i+1:])
        for k in sorted(neigh(ch, qwerty)): v('insertion-qwerty', label[:i+1] + k + label[i+1:])
        v('omission', label[:i] + label[i+1:])
        v('repetition', label[:i+1] + ch + label[i+1:])
        if i + 1 < len(label): v('transposition', label[:i] + label[i+1] + label[i] + label[i+2:])
        if ch in 'aeiouy':
            for w in 'aeiouy':
                if w != ch: v('vowel-swap', label[:i] + w + label[i+1:])
        if 0 < i and '-' not in label[i-1:i+1]: v('hyphenation', label[:i] + '-' + label[i:])
    # two homoglyphs at once (dnstwist does pairs)
    for _ in range(8):
        i, j = sorted(rnd.sample(range(len(label)), 2))
        gi, gj = glyph.get(label[i]), glyph.get(label[j])
        if gi and gj: v('homoglyph2', label[:i] + rnd.choice(gi) + label[i+1:j] + rnd.choice(gj) + label[j+1:])
    v('cyrillic', ''.join(cyr.get(c, c) for c in label))
    for _ in range(4):
        i = rnd.randrange(len(label))
        if label[i] in cyr: v('cyrillic1', label[:i] + cyr[label[i]] + label[i+1:])
    v('fullwidth', ''.join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in label))
    for w in words:
        t = rnd.choice(['com', 'net', 'jp', 'top', 'xyz', 'cn', 'co.jp'])
        emit('dictionary', dom, f'{label}-{w}.{t}'); emit('dictionary', dom, f'{w}-{label}.{t}')
        emit('dictionary', dom, f'{label}{w}.{t}'); emit('dictionary', dom, f'{w}{label}.{t}')
    for t in tlds:
        if t != suffix: emit('tld-swap', dom, f'{pre}{label}.{t}')
    j = suffix.replace('.', ''); h = suffix.replace('.', '-')
    for t in rnd.sample(tlds, 5):
        emit('phish-joined', dom, f'{label}{j}.{t}'); emit('phish-joined', dom, f'{label}-{h}.{t}')
        emit('phish-joined', dom, f'www-{label}-{h}.{t}'); emit('phish-embedded', dom, f'{dom}-{rnd.choice(words)}.{t}')
        emit('phish-subdomain', dom, f'{dom}.{rnd.choice(["x", "k"])}{rnd.randrange(10, 999)}{rnd.choice(words)}.{t}')
        emit('phish-subdomain', dom, f'www.{dom}.{"".join(rnd.choice("abcdefghijklmnop") for _ in range(6))}.{t}')
        emit('phish-subdomain', dom, f'{dom.replace(".", "-")}.{"".join(rnd.choice("qrstuvwxyz") for _ in range(7))}.{t}')
        emit('phish-words', dom, f'{label}-{rnd.choice(words)}-{rnd.choice(words)}.{t}')
        emit('phish-words', dom, f'{label}{rnd.randrange(1, 99)}.{t}')
        emit('phish-words', dom, f'{label}-jp{rnd.randrange(1, 9)}.{t}')
seen = set(); excl = alld | {split(x)[1] + '.' + split(x)[2] for x in doms}
for k, dm, hst in out:
    if hst in seen or hst in excl: continue
    seen.add(hst)
    if args.kinds is None or k in args.kinds.split(','): print(f'{k}\t{dm}\t{hst}')
