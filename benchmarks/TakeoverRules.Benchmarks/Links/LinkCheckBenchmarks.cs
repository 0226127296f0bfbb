using BenchmarkDotNet.Attributes;
using TakeoverRules.Links;

namespace TakeoverRules.Benchmarks.Links;

/// <summary>
/// Link checks per call, as ratios against a naive baseline in the same run: <see cref="Uri"/> parsing, then
/// lower-casing and string comparison against the official domains (what an app might write by hand, and which sees
/// through none of the tricks). Times are per check (OperationsPerInvoke). The lower-case ASCII host benchmarks must show 0 B allocated.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class LinkCheckBenchmarks
{
    private readonly LinkChecker _checker = LinkChecker.Default;
    private readonly string[] _official = [.. LinkChecker.Default.OfficialDomains];

    /// <summary>A mix of honest, official and look-alike lower-case ASCII hosts.</summary>
    private readonly string[] _hosts =
    [
        "www.sbisec.co.jp", "sbisec-login.com", "www.rakuten-sec.co.jp", "rakuten-sec.co.jp.example.com", "www.yahoo.co.jp",
        "nornura.co.jp", "mizuhobank.co.jp", "www.example.com", "kabu.com", "smbcnikk0.co.jp", "news.nikkei.com", "monex.jp",
    ];

    private readonly string[] _urls =
    [
        "https://www.sbisec.co.jp/ETGate/?_ControlID=WPLETlgR001Control", "https://sbisec-login.com/verify?id=1",
        "https://www.sbisec.co.jp@evil.example.com/", "http://www.rakuten-sec.co.jp/web/login.html", "https://WWW.Monex.co.jp/",
        "https://xn--rkuten-sec-zqi.co.jp/", "https://www.yahoo.co.jp/", "https://203.0.113.7/login",
    ];

    [Benchmark(Baseline = true, OperationsPerInvoke = 12)]
    public int NaiveUriAndStrings()
    {
        var n = 0;
        foreach (var host in _hosts)
        {
            if (!Uri.TryCreate("https://" + host, UriKind.Absolute, out var uri)) continue;
            var name = uri.Host.ToLowerInvariant();
            foreach (var d in _official)
            {
                if (name == d || name.EndsWith("." + d, StringComparison.Ordinal)) { n++; break; }
            }
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int CheckLowerCaseAsciiHosts()
    {
        var n = 0;
        foreach (var host in _hosts) n += (int)_checker.Check(host).Verdict;
        return n;
    }

    [Benchmark(OperationsPerInvoke = 8)]
    public int CheckUrls()
    {
        var n = 0;
        foreach (var url in _urls) n += (int)_checker.Check(url).Verdict;
        return n;
    }
}
