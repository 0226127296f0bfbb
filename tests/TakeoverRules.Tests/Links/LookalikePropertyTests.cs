using System.Globalization;
using CsCheck;
using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

/// <summary>
/// Properties over every confirmed official domain: random variants of its name, drawn the way look-alike
/// generators draw them, are look-alikes; the official hosts themselves never are.
/// </summary>
public sealed class LookalikePropertyTests
{
    private static readonly LinkChecker Checker = LinkChecker.Default;

    private static readonly (string Domain, string Label, string Suffix)[] Officials = [.. LookalikeGenerator.Officials()];

    /// <summary>Every domain the facts list (confirmed or not) and the registrable domains of official hosts (mufg.jp): never expected to be look-alikes.</summary>
    private static readonly HashSet<string> Listed = ListedDomains();

    private static readonly string[] OtherSuffixes = ["com", "net", "jp", "co.jp", "ne.jp", "org", "info", "xyz", "top", "cn", "icu", "shop", "vip", "tokyo"];

    private static readonly Gen<(string Domain, string Label, string Suffix)> Official = Gen.Int[0, Officials.Length - 1].Select(i => Officials[i]);

    private static readonly IdnMapping Idn = new();

    private static HashSet<string> ListedDomains()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var broker in TakeoverRules.Facts.FactsRegistry.Embedded.Brokers)
        {
            foreach (var d in broker.Domains) set.Add(d.Name);
        }

        foreach (var (_, label, suffix) in Officials) set.Add(label + "." + suffix);
        return set;
    }

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static string Describe(LinkCheck check) => check.ToString();

    private static string Swap(string s, int i) => string.Concat(s.AsSpan(0, i), s[i + 1].ToString(), s[i].ToString(), s.AsSpan(i + 2));

    [Fact]
    public void Every_one_edit_typo_of_an_official_name_is_a_lookalike_under_its_own_suffix_and_a_long_name_under_any()
    {
        var edit = Gen.Select(Official, Gen.Int[0, 4], Gen.Int[0, 62], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], Pick(OtherSuffixes));
        edit.Sample((official, kind, at, c, other) =>
        {
            var (_, label, suffix) = official;
            var i = at % label.Length;
            var typo = kind switch
            {
                0 => label.Insert(i, c.ToString()),
                1 => label.Remove(i, 1),
                2 => string.Concat(label.AsSpan(0, i), c.ToString(), label.AsSpan(i + 1)),
                3 => Swap(label, Math.Min(i, label.Length - 2)),
                _ => label.Insert(i, c.ToString()) + (c == '-' ? "" : c.ToString()),
            };
            var key = label.Replace("-", "", StringComparison.Ordinal);
            var host = $"{typo}.{(key.Length >= 7 ? other : suffix)}";
            if (typo == label || typo.StartsWith('-') || typo.EndsWith('-') || typo.Contains("--", StringComparison.Ordinal) || Listed.Contains(host)) return;
            if (kind == 4 && typo.Length - label.Length == 2 && key.Length < 9) return; // two additions are within reach only of names of 9 letters or more
            var check = Checker.Check(host);
            check.Verdict.Should().Be(LinkVerdict.Lookalike, "{0} is one edit from {1}: {2}", host, official.Domain, Describe(check));
        }, iter: 5_000);
    }

    [Fact]
    public void Ascii_look_alike_spellings_of_an_official_name_are_homoglyph_lookalikes_under_any_suffix()
    {
        var swaps = new Dictionary<char, string[]>
        {
            ['m'] = ["rn", "nn", "rr"], ['w'] = ["vv"], ['d'] = ["cl"], ['k'] = ["lc"], ['b'] = ["lb"], ['h'] = ["lh"],
            ['o'] = ["0"], ['l'] = ["1", "i"], ['i'] = ["1", "l"], ['s'] = ["5"], ['e'] = ["3"], ['a'] = ["4"], ['t'] = ["7"], ['g'] = ["9"],
        };
        Gen.Select(Official, Gen.Int[0, 62], Gen.Int[0, 62], Gen.Int[0, 2], Pick(OtherSuffixes)).Sample((official, first, second, pick, other) =>
        {
            var (_, label, suffix) = official;
            var chars = label.Select((c, i) => (c, i)).Where(p => swaps.ContainsKey(p.c)).ToArray();
            if (chars.Length == 0) return;
            var a = chars[first % chars.Length];
            var b = chars[second % chars.Length];
            var spelt = string.Concat(label.Select((c, i) => i == a.i || i == b.i ? swaps[c][pick % swaps[c].Length] : c.ToString()));
            foreach (var host in new[] { $"{spelt}.{suffix}", $"{spelt}.{other}" })
            {
                if (Listed.Contains(host)) continue;
                var check = Checker.Check(host);
                check.Verdict.Should().Be(LinkVerdict.Lookalike, "{0} reads as {1}: {2}", host, official.Domain, Describe(check));
                check.Reasons.Should().HaveFlag(LinkReasons.Homoglyph, "{0}: {1}", host, Describe(check));
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Accented_cyrillic_and_greek_letters_in_an_official_name_are_homograph_lookalikes()
    {
        var look = new Dictionary<char, string>
        {
            ['a'] = "àáâäåаα", ['e'] = "èéêëеε", ['o'] = "òóôöōоο", ['i'] = "íìïіı", ['u'] = "ùúûüū", ['c'] = "çćс",
            ['s'] = "śšşѕ", ['n'] = "ñń", ['k'] = "кκ", ['m'] = "м", ['t'] = "т", ['p'] = "р", ['x'] = "х", ['y'] = "уý",
            ['b'] = "ь", ['h'] = "һ", ['d'] = "ԁ", ['g'] = "ɡ", ['r'] = "г", ['l'] = "ӏ",
        };
        Gen.Select(Official, Gen.Int[0, 62], Gen.Int[0, 62], Gen.Int[0, 6], Pick(OtherSuffixes)).Sample((official, first, second, pick, other) =>
        {
            var (_, label, suffix) = official;
            var chars = label.Select((c, i) => (c, i)).Where(p => look.ContainsKey(p.c)).ToArray();
            var a = chars[first % chars.Length];
            var b = chars[second % chars.Length];
            var unicode = string.Concat(label.Select((c, i) => i == a.i || i == b.i ? look[c][pick % look[c].Length].ToString() : c.ToString()));
            foreach (var sfx in new[] { suffix, other })
            {
                var host = Idn.GetAscii(unicode) + "." + sfx;
                var check = Checker.Check(host);
                check.Verdict.Should().Be(LinkVerdict.Lookalike, "{0} ({1}) shows {2}: {3}", host, unicode, official.Domain, Describe(check));
                check.Reasons.Should().HaveFlag(LinkReasons.Homograph).And.HaveFlag(LinkReasons.InternationalizedName);
                Checker.Check($"https://{unicode}.{sfx}/login").Verdict.Should().Be(LinkVerdict.Lookalike, "the Unicode form is read as its punycode");
            }
        }, iter: 3_000);
    }

    [Fact]
    public void An_official_name_with_login_words_joined_or_hyphenated_before_or_after_is_a_lookalike()
    {
        string[] words = ["login", "secure", "support", "account", "verify", "online", "web", "jp", "japan", "official", "mypage", "my", "security", "signin", "auth", "update", "www", "kakunin", "info", "app"];
        Gen.Select(Official, Pick(words), Pick(words), Gen.Int[0, 5], Pick(OtherSuffixes)).Sample((official, word, second, form, other) =>
        {
            var (_, label, suffix) = official;
            var name = form % 2 == 0 ? label : label.Replace("-", "", StringComparison.Ordinal);
            var combined = form switch
            {
                0 or 1 => name + word,
                2 => $"{name}-{word}",
                3 => word + name,
                4 => $"{word}-{name}",
                _ => $"{word}-{name}-{second}",
            };
            foreach (var host in new[] { $"{combined}.{other}", $"{combined}.{suffix}" })
            {
                if (Listed.Contains(host)) continue;
                var check = Checker.Check(host);
                check.Verdict.Should().Be(LinkVerdict.Lookalike, "{0} is {1} with a login word: {2}", host, official.Domain, Describe(check));
                check.Broker!.Domains.Select(d => d.Name).Should().Contain(official.Domain, "{0}: {1}", host, Describe(check));
            }
        }, iter: 3_000);
    }

    [Fact]
    public void An_official_domain_run_together_or_hyphenated_into_another_name_is_a_lookalike()
    {
        Gen.Select(Official, Pick(OtherSuffixes), Gen.Int[0, 4], Pick("login", "secure", "www", "my", "jp")).Sample((official, other, form, word) =>
        {
            var (domain, label, suffix) = official;
            var joined = label.Replace("-", "", StringComparison.Ordinal) + suffix.Replace(".", "", StringComparison.Ordinal);
            var hyphenated = domain.Replace('.', '-');
            var host = form switch
            {
                0 => $"{joined}.{other}",
                1 => $"{hyphenated}.{other}",
                2 => $"www-{hyphenated}.{other}",
                3 => $"{domain}.{word}{other.Length}.{other}",
                _ => $"{hyphenated}-{word}.{other}",
            };
            var check = Checker.Check(host);
            check.Verdict.Should().Be(LinkVerdict.Lookalike, "{0} spells out {1}: {2}", host, domain, Describe(check));
        }, iter: 2_000);
    }

    [Fact]
    public void An_official_host_is_never_a_lookalike_whatever_its_subdomains_case_or_path()
    {
        var label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12];
        Gen.Select(Official, label.Array[0, 3], Gen.Bool, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz/"], 0, 12]).Sample((official, subdomains, upper, path) =>
        {
            var host = string.Concat(subdomains.Select(s => s + ".")) + official.Domain;
            var link = $"https://{(upper ? host.ToUpperInvariant() : host)}/{path}";
            var check = Checker.Check(link);
            check.Verdict.Should().Be(LinkVerdict.Official, "{0} is on {1}: {2}", link, official.Domain, Describe(check));
            check.Domain!.Name.Should().Be(official.Domain);
        }, iter: 3_000);
    }

    [Theory]
    [InlineData("monorail.com")]
    [InlineData("sbiz.jp")]
    [InlineData("sbic.org")]
    [InlineData("naitoh.co.jp")]
    [InlineData("myjcb.jp")]
    [InlineData("mynavi.jp")]
    [InlineData("mynumber.go.jp")]
    [InlineData("online.com")]
    [InlineData("support.com")]
    [InlineData("mypage.jp")]
    [InlineData("kabutan.jp")]
    [InlineData("minkabu.jp")]
    [InlineData("kabuki.jp")]
    [InlineData("nomad.com")]
    [InlineData("normal.jp")]
    [InlineData("kimura.co.jp")]
    [InlineData("cosmos.com")]
    [InlineData("clickup.com")]
    [InlineData("mizuno.jp")]
    [InlineData("monet.com")]
    [InlineData("monex.example-news.org")]
    [InlineData("daiwa.co.uk.example.org")]
    [InlineData("www.nomura.example.org")]
    [InlineData("google.com")]
    [InlineData("yahoo.co.jp")]
    [InlineData("amazon.co.jp")]
    public void Ordinary_names_that_share_letters_or_words_with_a_broker_are_unrelated(string host)
    {
        var check = Checker.Check(host);
        check.Verdict.Should().Be(LinkVerdict.Unrelated, "{0}: {1}", host, Describe(check));
    }

    [Theory]
    [InlineData("rakuten-card.co.jp")]
    [InlineData("sbinet.co.jp")]
    [InlineData("nomura-re.co.jp")]
    [InlineData("daiwahouse.co.jp")]
    [InlineData("mizuho-fg.co.jp")]
    [InlineData("rakutenmobile.co.jp")]
    [InlineData("travel.rakuten.co.jp")]
    [InlineData("https://nomura不動産.jp/")]
    public void A_group_name_followed_by_a_business_word_stays_related(string host)
    {
        Checker.Check(host).Verdict.Should().Be(LinkVerdict.Related);
    }

    [Theory]
    [InlineData("my-nomura.com", "nomura")]
    [InlineData("mynomura.net", "nomura")]
    [InlineData("nonnura.co.jp", "nomura")]
    [InlineData("rnatsuii.co.jp", "matsui")]
    [InlineData("nnonexx.co.jp", "monex")]
    [InlineData("kabucom.com", "mufg-esmart")]
    [InlineData("kabu-com.net", "mufg-esmart")]
    [InlineData("iwaicosmonet.com", "iwai-cosmo")]
    [InlineData("cliclc-sec.com", "gmo-click")]
    [InlineData("nomura.co.jp.evil.com", "nomura")]
    [InlineData("nomura-co-jp.com", "nomura")]
    [InlineData("nomura-net-notice.work", "nomura")]
    [InlineData("rakuten-card-verify.com", "rakuten")]
    [InlineData("my-rakuten.com", "rakuten")]
    [InlineData("xn--nmura-uta.com", "nomura")]
    [InlineData("nomura.jp.evil.com", "nomura")]
    [InlineData("nommura.com", "nomura")]
    [InlineData("mattsui.net", "matsui")]
    [InlineData("kabuu.jp", "mufg-esmart")]
    [InlineData("kabu.ne.jp.example.org", "mufg-esmart")]
    [InlineData("rakuten.co.jp.evil.com", "rakuten")]
    [InlineData("rakuten.sec-login.com", "rakuten")]
    [InlineData("https://野村証券-login.com/", "nomura")]
    [InlineData("https://nomura証券.com/", "nomura")]
    [InlineData("https://sbisecログイン.com/", "sbi")]
    public void The_gaps_found_by_an_independent_generator_and_real_phishing_patterns_are_lookalikes(string host, string broker)
    {
        var check = Checker.Check(host);
        check.Verdict.Should().Be(LinkVerdict.Lookalike, "{0}: {1}", host, Describe(check));
        check.Broker!.Id.Should().Be(broker);
    }
}
