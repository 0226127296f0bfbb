using System.Globalization;

namespace TakeoverRules.Testing;

/// <summary>
/// Synthetic networks for generated logins. ASNs come from the private-use range (RFC 6996, AS64512–AS65534) and addresses
/// from the IPv6 documentation prefix 2001:db8::/32 (RFC 3849), so no generated login points at a real network: /48 is the
/// provider, /64 the subscriber.
/// </summary>
internal static class TestNetworks
{
    internal readonly record struct Network(string Asn, string Country, bool Hosting, int Index);

    /// <summary>Japanese residential broadband and mobile carriers, used by customers and by residential proxies.</summary>
    public static readonly Network[] JapaneseResidential =
    [
        new("AS64601", "JP", false, 0x0a01), new("AS64602", "JP", false, 0x0a02), new("AS64603", "JP", false, 0x0a03),
        new("AS64604", "JP", false, 0x0a04), new("AS64605", "JP", false, 0x0a05), new("AS64611", "JP", false, 0x0a11),
        new("AS64612", "JP", false, 0x0a12), new("AS64613", "JP", false, 0x0a13),
    ];

    /// <summary>A Japanese hosting/VPN range.</summary>
    public static readonly Network JapaneseHosting = new("AS64650", "JP", true, 0x0b50);

    private static readonly string[] ForeignCountries = ["VN", "CN", "HK", "TW", "KR", "TH", "US", "SG", "PH", "ID", "MY", "FR", "GB", "DE", "AU", "NL"];

    /// <summary>Countries a Japanese traveller visits most in the generator (any country works with <see cref="Foreign"/>).</summary>
    public static readonly string[] TravelCountries = ["KR", "TW", "US", "TH", "HK", "SG", "VN", "FR", "GB", "AU", "DE", "PH", "MY", "ID"];

    /// <summary>Countries seen on attacker logins in the generator.</summary>
    public static readonly string[] AttackerCountries = ["CN", "HK", "VN", "US", "SG", "TW", "KR", "NL", "DE"];

    /// <summary>A residential (or hotel) network in a foreign country, or its hosting range.</summary>
    public static Network Foreign(string country, bool hosting)
    {
        var i = Array.IndexOf(ForeignCountries, country);
        var n = i >= 0 ? i : 40 + (Math.Abs(StableHash(country)) % 50);
        return hosting
            ? new Network("AS" + (64800 + n).ToString(CultureInfo.InvariantCulture), country, true, 0x0d00 + n)
            : new Network("AS" + (64700 + n).ToString(CultureInfo.InvariantCulture), country, false, 0x0c00 + n);
    }

    /// <summary>A stable address of <paramref name="subscriber"/> on <paramref name="network"/>.</summary>
    public static string Address(Network network, int subscriber) =>
        string.Create(CultureInfo.InvariantCulture, $"2001:db8:{network.Index:x4}:{(ushort)subscriber:x4}::{1 + ((uint)subscriber >> 16) % 250:x}");

    /// <summary>FNV-1a, so that seeds derived from ids do not change between runs (string.GetHashCode is randomised).</summary>
    public static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }
}
