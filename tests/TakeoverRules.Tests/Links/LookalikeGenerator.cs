using System.Globalization;
using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

/// <summary>
/// Generates phishing look-alikes of every confirmed official domain, by kind: insertion, omission, repetition,
/// transposition, keyboard neighbours, bit flips, vowel swaps, hyphenation, ASCII homoglyphs, Unicode homographs,
/// other suffixes, brand plus words, brand in a subdomain and user-info tricks. Deterministic.
/// </summary>
public static class LookalikeGenerator
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Vowels = "aeiou";

    private static readonly string[] KeyboardRows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

    private static readonly string[] Suffixes = ["com", "net", "jp", "co.jp", "org", "info", "biz", "xyz", "top", "co", "ne.jp", "or.jp", "cn", "asia", "online", "site", "shop", "vip", "cc", "me", "app", "live"];

    private static readonly string[] Words = ["login", "security", "secure", "account", "verify", "support", "official", "mypage", "update", "member", "jp", "online", "auth", "info", "service", "safety", "check", "web"];

    private static readonly (char Latin, char LookAlike)[] Homographs = [('a', 'а'), ('e', 'е'), ('o', 'о'), ('p', 'р'), ('c', 'с'), ('x', 'х'), ('y', 'у'), ('i', 'і'), ('s', 'ѕ'), ('o', 'ο'), ('n', 'ո'), ('k', 'κ')];

    private static readonly IdnMapping Idn = new();

    /// <summary>One generated look-alike: its kind, the official domain it imitates, and the link.</summary>
    public sealed record Lookalike(string Kind, string Official, string Link);

    /// <summary>The official domains that the checker treats as confirmed, split into label and suffix.</summary>
    public static IReadOnlyList<(string Domain, string Label, string Suffix)> Officials()
    {
        var list = new List<(string, string, string)>();
        var psl = PublicSuffixList.Embedded;
        foreach (var domain in LinkChecker.Default.OfficialDomains)
        {
            var rd = psl.RegistrableStart(domain);
            var suffix = psl.SuffixStart(domain);
            list.Add((domain, domain[rd..(suffix - 1)], domain[suffix..]));
        }

        return list;
    }

    public static IReadOnlyList<Lookalike> All()
    {
        var results = new List<Lookalike>();
        var officials = Officials();
        var exclude = new HashSet<string>(StringComparer.Ordinal);
        foreach (var broker in TakeoverRules.Facts.FactsRegistry.Embedded.Brokers)
        {
            foreach (var d in broker.Domains) exclude.Add(d.Name);
        }

        foreach (var (domain, label, suffix) in officials)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string kind, string l, string sfx)
            {
                if (l.Length == 0 || l.StartsWith('-') || l.EndsWith('-') || l == label) return;
                var host = l + "." + sfx;
                // The registrable domain of an official subdomain (mufg.jp for sc.mufg.jp) is the group's, not a look-alike.
                if (exclude.Contains(host) || officials.Any(o => o.Label + "." + o.Suffix == host) || !seen.Add(kind + host)) return;
                results.Add(new Lookalike(kind, domain, host));
            }

            for (var i = 0; i <= label.Length; i++)
            {
                foreach (var c in Letters.Where((_, k) => (k + i) % 3 == 0)) Add("insertion", label.Insert(i, c.ToString()), suffix);
            }

            for (var i = 0; i < label.Length; i++)
            {
                Add("omission", label.Remove(i, 1), suffix);
                Add("repetition", label.Insert(i, label[i].ToString()), suffix);
                if (i + 1 < label.Length && label[i] != label[i + 1])
                {
                    var swapped = label.ToCharArray();
                    (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                    Add("transposition", new string(swapped), suffix);
                }

                foreach (var n in Neighbours(label[i])) Add("keyboard", Replace(label, i, n), suffix);
                for (var bit = 0; bit < 7; bit++)
                {
                    var flipped = (char)(label[i] ^ (1 << bit));
                    if (char.IsAsciiLetterLower(flipped) || char.IsAsciiDigit(flipped) || flipped == '-') Add("bitflip", Replace(label, i, flipped), suffix);
                }

                if (Vowels.Contains(label[i], StringComparison.Ordinal))
                {
                    foreach (var v in Vowels.Where(v => v != label[i])) Add("vowel", Replace(label, i, v), suffix);
                }

                if (i > 0 && label[i] != '-' && label[i - 1] != '-') Add("hyphenation", label.Insert(i, "-"), suffix);
            }

            if (label.Contains('-', StringComparison.Ordinal)) Add("hyphenation", label.Replace("-", "", StringComparison.Ordinal), suffix);

            foreach (var (from, to) in new[] { ("m", "rn"), ("rn", "m"), ("o", "0"), ("l", "1"), ("i", "1"), ("i", "l"), ("l", "i"), ("w", "vv"), ("d", "cl"), ("s", "5"), ("e", "3"), ("a", "4") })
            {
                var at = label.IndexOf(from, StringComparison.Ordinal);
                if (at >= 0) Add("homoglyph", label.Remove(at, from.Length).Insert(at, to), suffix);
                var last = label.LastIndexOf(from, StringComparison.Ordinal);
                if (last >= 0 && last != at) Add("homoglyph", label.Remove(last, from.Length).Insert(last, to), suffix);
            }

            foreach (var (latin, look) in Homographs)
            {
                var at = label.IndexOf(latin, StringComparison.Ordinal);
                if (at < 0) continue;
                Add("homograph", Idn.GetAscii(Replace(label, at, look)), suffix);
                var all = label.Replace(latin, look);
                Add("homograph", Idn.GetAscii(all), suffix);
            }

            foreach (var sfx in Suffixes.Where(s => s != suffix))
            {
                // Add() refuses the official label itself; a suffix swap keeps it, so add directly.
                var host = label + "." + sfx;
                if (!exclude.Contains(host) && !officials.Any(o => o.Label + "." + o.Suffix == host)) results.Add(new Lookalike("suffix", domain, host));
            }

            foreach (var word in Words)
            {
                Add("brand+word", label + "-" + word, "com");
                Add("brand+word", word + "-" + label, "net");
                Add("brand+word", label + word, suffix);
                Add("brand+word", label + "-" + word, suffix == "co.jp" ? "jp" : "net");
            }

            results.Add(new Lookalike("subdomain", domain, $"{domain}.example-login.com"));
            if (label.Length >= 6) results.Add(new Lookalike("subdomain", domain, $"{label.Remove(1, 1)}.{suffix}.account-check.com"));
            if (label.Length >= 6 && !label.Contains('-', StringComparison.Ordinal)) results.Add(new Lookalike("typo+suffix", domain, $"{label.Insert(2, label[2].ToString())}.{(suffix == "com" ? "net" : "com")}"));
            foreach (var scheme in new[] { "https://", "http://", "" }) results.Add(new Lookalike("url", domain, $"{scheme}www.{label}-login.{(suffix == "com" ? "net" : "com")}/login?session=1"));
            results.Add(new Lookalike("subdomain", domain, $"www.{domain}.secure-check.net"));
            results.Add(new Lookalike("subdomain", domain, $"{domain.Replace('.', '-')}.account-verify.xyz"));
            results.Add(new Lookalike("subdomain", domain, $"{domain}-login.example.net"));
            results.Add(new Lookalike("subdomain", domain, $"{domain}-secure.com"));
            results.Add(new Lookalike("userinfo", domain, $"https://www.{domain}@evil.example.com/login"));
            results.Add(new Lookalike("userinfo", domain, $"https://{domain}:443@203.0.113.7/"));
        }

        return results;
    }

    private static string Replace(string s, int i, char c) => string.Concat(s.AsSpan(0, i), c.ToString(), s.AsSpan(i + 1));

    private static IEnumerable<char> Neighbours(char c)
    {
        for (var row = 0; row < KeyboardRows.Length; row++)
        {
            var col = KeyboardRows[row].IndexOf(c, StringComparison.Ordinal);
            if (col < 0) continue;
            if (col > 0) yield return KeyboardRows[row][col - 1];
            if (col + 1 < KeyboardRows[row].Length) yield return KeyboardRows[row][col + 1];
            if (row > 0 && col < KeyboardRows[row - 1].Length) yield return KeyboardRows[row - 1][col];
            if (row + 1 < KeyboardRows.Length && col < KeyboardRows[row + 1].Length) yield return KeyboardRows[row + 1][col];
        }
    }
}
