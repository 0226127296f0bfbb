using System.Globalization;

namespace TakeoverRules.Testing.Simulation;

/// <summary>One synthetic network: an ASN from the private-use ranges (RFC 6996) and addresses that point at no real host.</summary>
/// <remarks>
/// IPv4 addresses come from 240.0.0.0/4 (reserved, never routed; RFC 1112 §4), one /16 per network; IPv6 addresses from the
/// documentation prefix 2001:db8::/32 (RFC 3849), one /48 per network and one /64 per subscriber.
/// </remarks>
internal sealed record Net(string Asn, string Country, bool Hosting, int Block)
{
    public string V4(int host) =>
        string.Create(CultureInfo.InvariantCulture, $"{240 + ((Block >> 8) & 15)}.{Block & 255}.{(host >> 8) & 255}.{1 + ((host & 255) % 254)}");

    public string V6(int subscriber, int iid) =>
        string.Create(CultureInfo.InvariantCulture, $"2001:db8:{Block:x4}:{(ushort)subscriber:x}:{(ushort)(iid >> 16):x}:{(ushort)iid:x}::1");
}

/// <summary>The population's networks: home ISPs, mobile carriers (CGNAT), offices, Japanese clouds, commercial VPN exits, hotels and residential networks abroad, attacker hosting.</summary>
internal sealed class Networks
{
    private int _block = 1;
    private readonly Dictionary<string, Net> _foreignResidential = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Net> _foreignHosting = new(StringComparer.Ordinal);

    public Networks()
    {
        HomeIsps = Make(12, i => ("AS" + (64601 + i).ToString(CultureInfo.InvariantCulture), "JP", false));
        Carriers = Make(4, i => ("AS" + (64621 + i).ToString(CultureInfo.InvariantCulture), "JP", false));
        Offices = Make(40, i => ("AS" + (64631 + i).ToString(CultureInfo.InvariantCulture), "JP", false));
        JapaneseClouds = Make(6, i => ("AS" + (64681 + i).ToString(CultureInfo.InvariantCulture), "JP", true));
        JapaneseVpnExits = Make(4, i => ("AS" + (64691 + i).ToString(CultureInfo.InvariantCulture), "JP", true));
        ForeignVpnExits = [.. VpnCountries.Select(c => ForeignHosting(c))];

        // Created up front so that a network's addresses do not depend on which account first used it.
        foreach (var country in TravelCountries.Concat(AttackerCountries))
        {
            ForeignResidential(country);
            ForeignHosting(country);
        }
    }

    /// <summary>Countries of the commercial VPN exits abroad.</summary>
    public static readonly string[] VpnCountries = ["SG", "US", "HK", "NL", "GB", "DE", "TW", "KR"];

    /// <summary>Where Japanese customers travel in the generator.</summary>
    public static readonly (string Country, int UtcOffset)[] Travel =
    [
        ("KR", 9), ("TW", 8), ("HK", 8), ("SG", 8), ("TH", 7), ("VN", 7), ("US", -7), ("FR", 1), ("GB", 0), ("AU", 10), ("IT", 1), ("DE", 1), ("PH", 8), ("MY", 8), ("ID", 7),
    ];

    /// <summary>Travel countries.</summary>
    public static readonly string[] TravelCountries = [.. Travel.Select(t => t.Country)];

    /// <summary>Countries of attacker infrastructure abroad.</summary>
    public static readonly string[] AttackerCountries = ["CN", "HK", "SG", "US", "VN", "TW", "KR", "NL"];

    /// <summary>Japanese home broadband ISPs; most assign dynamic addresses.</summary>
    public IReadOnlyList<Net> HomeIsps { get; }

    /// <summary>Japanese mobile carriers: phones share a small pool of public addresses (carrier-grade NAT), and roaming phones abroad still exit here.</summary>
    public IReadOnlyList<Net> Carriers { get; }

    /// <summary>Corporate networks.</summary>
    public IReadOnlyList<Net> Offices { get; }

    /// <summary>Japanese cloud / VPS providers (hosting ranges): API traders' servers and attackers' relays.</summary>
    public IReadOnlyList<Net> JapaneseClouds { get; }

    /// <summary>Commercial VPN exits in Japan (hosting ranges), shared by VPN customers and attackers.</summary>
    public IReadOnlyList<Net> JapaneseVpnExits { get; }

    /// <summary>Commercial VPN exits abroad, shared by VPN customers and attackers.</summary>
    public IReadOnlyList<Net> ForeignVpnExits { get; }

    /// <summary>Addresses in a carrier's CGNAT pool; thousands of subscribers share them.</summary>
    public const int CgnatPoolSize = 2_048;

    /// <summary>A residential or hotel network in a foreign country.</summary>
    public Net ForeignResidential(string country) => Get(_foreignResidential, country, 4_200_000_000, hosting: false);

    /// <summary>A hosting range in a foreign country.</summary>
    public Net ForeignHosting(string country) => Get(_foreignHosting, country, 4_200_100_000, hosting: true);

    private Net Get(Dictionary<string, Net> cache, string country, long asnBase, bool hosting)
    {
        // Every country the generator uses is created in the constructor; the lock covers a caller's other countries.
        lock (cache)
        {
            return GetLocked(cache, country, asnBase, hosting);
        }
    }

    private Net GetLocked(Dictionary<string, Net> cache, string country, long asnBase, bool hosting)
    {
        if (!cache.TryGetValue(country, out var net))
        {
            var asn = "AS" + (asnBase + cache.Count).ToString(CultureInfo.InvariantCulture);
            cache[country] = net = new Net(asn, country, hosting, _block++);
        }

        return net;
    }

    private List<Net> Make(int count, Func<int, (string Asn, string Country, bool Hosting)> describe) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var (asn, country, hosting) = describe(i);
            return new Net(asn, country, hosting, _block++);
        }).ToList();
}
