using System.Globalization;

namespace TakeoverRules.Links;

/// <summary>
/// The parts of a link the check needs, read the way a browser reads them (WHATWG URL rules for http and https):
/// the scheme, user-info, host (lower-case ASCII, IDN in punycode form) and whether the path looks like a login page.
/// Reading a lower-case ASCII host allocates nothing: the host is a range of the input.
/// </summary>
internal readonly struct LinkAddress
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    private LinkAddress(string source, int start, int length, LinkReasons reasons, int userInfoStart, int userInfoLength, bool isIp)
    {
        HostSource = source;
        HostStart = start;
        HostLength = length;
        Reasons = reasons;
        UserInfoStart = userInfoStart;
        UserInfoLength = userInfoLength;
        IsIp = isIp;
    }

    /// <summary>The string holding the host: the input itself, or a normalised copy.</summary>
    public string HostSource { get; }

    public int HostStart { get; }

    public int HostLength { get; }

    public ReadOnlySpan<char> Host => HostSource.AsSpan(HostStart, HostLength);

    /// <summary>Reasons found while reading (user-info, encoded host, IP, insecure login, not a web address).</summary>
    public LinkReasons Reasons { get; }

    /// <summary>Where the user-info is in the input (length 0 when there is none).</summary>
    public int UserInfoStart { get; }

    public int UserInfoLength { get; }

    public bool IsIp { get; }

    public bool IsValid => HostLength > 0 && (Reasons & (LinkReasons.NotAWebAddress | LinkReasons.TooLong)) == 0;

    public static LinkAddress Invalid(LinkReasons reason) => new(string.Empty, 0, 0, reason, 0, 0, false);

    public static LinkAddress Parse(string input)
    {
        var s = input.AsSpan();
        var begin = 0;
        var end = s.Length;
        while (begin < end && IsSpace(s[begin])) begin++;
        while (end > begin && IsSpace(s[end - 1])) end--;
        if (begin == end) return Invalid(LinkReasons.NotAWebAddress);

        var reasons = LinkReasons.None;
        var position = begin;
        var http = false;
        var colon = s[begin..end].IndexOfAny(':', '/');
        if (colon > 0 && s[begin + colon] == ':')
        {
            var scheme = s.Slice(begin, colon);
            var afterColon = begin + colon + 1;
            var isHttps = scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
            http = scheme.Equals("http", StringComparison.OrdinalIgnoreCase);
            if (isHttps || http)
            {
                position = afterColon;
            }
            else if (afterColon + 1 < end && s[afterColon] == '/' && s[afterColon + 1] == '/')
            {
                return Invalid(LinkReasons.NotAWebAddress); // ftp://, file://, …
            }
            else if (IsSchemeLike(scheme) && !(afterColon < end && char.IsAsciiDigit(s[afterColon])))
            {
                return Invalid(LinkReasons.NotAWebAddress); // mailto:, javascript:, data:, tel:
            }
        }

        // Special schemes skip any mix of slashes and backslashes before the authority.
        while (position < end && s[position] is '/' or '\\') position++;

        var authorityEnd = position;
        while (authorityEnd < end && s[authorityEnd] is not ('/' or '\\' or '?' or '#')) authorityEnd++;
        var authority = s[position..authorityEnd];

        var userInfoStart = 0;
        var userInfoLength = 0;
        var at = authority.LastIndexOf('@');
        var hostStart = position;
        if (at >= 0)
        {
            reasons |= LinkReasons.UserInfo;
            userInfoStart = position;
            userInfoLength = at;
            hostStart = position + at + 1;
        }

        var hostPort = s[hostStart..authorityEnd];
        if (hostPort.Length > 0 && hostPort[0] == '[')
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) return Invalid(reasons | LinkReasons.NotAWebAddress);
            var ipv6 = input.Substring(hostStart, close + 1).ToLowerInvariant();
            return new LinkAddress(ipv6, 0, ipv6.Length, reasons | LinkReasons.IpAddress | LoginCue(http, s[authorityEnd..end]), userInfoStart, userInfoLength, true);
        }

        var portColon = hostPort.LastIndexOf(':');
        var hostLength = portColon >= 0 ? portColon : hostPort.Length;
        var host = s.Slice(hostStart, hostLength);
        if (host.Length > 0 && host[^1] == '.') { host = host[..^1]; hostLength--; }
        if (host.Length == 0) return Invalid(reasons | LinkReasons.NotAWebAddress);
        reasons |= LoginCue(http, s[authorityEnd..end]);

        string source;
        int start;
        if (IsPlainHost(host))
        {
            source = input;
            start = hostStart;
        }
        else
        {
            var normalised = Normalise(host, ref reasons);
            if (normalised is null) return Invalid(reasons | LinkReasons.NotAWebAddress);
            source = normalised;
            start = 0;
            hostLength = normalised.Length;
        }

        var hostSpan = source.AsSpan(start, hostLength);
        if (!HasValidLabels(hostSpan)) return Invalid(reasons | LinkReasons.NotAWebAddress);
        var isIp = IsIpv4(hostSpan, ref reasons);
        if (isIp) reasons |= LinkReasons.IpAddress;
        return new LinkAddress(source, start, hostLength, reasons, userInfoStart, userInfoLength, isIp);
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    private static bool IsSchemeLike(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0])) return false;
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-')) return false;
        }

        return true;
    }

    private static bool IsPlainHost(ReadOnlySpan<char> host)
    {
        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_')) return false;
        }

        return true;
    }

    private static string? Normalise(ReadOnlySpan<char> host, ref LinkReasons reasons)
    {
        var text = host.ToString();
        if (text.Contains('%', StringComparison.Ordinal))
        {
            reasons |= LinkReasons.EncodedHost;
            try
            {
                text = Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return null;
            }
        }

        var ascii = true;
        foreach (var c in text)
        {
            if (c >= 0x80) { ascii = false; break; }
        }

        if (ascii) return IsPlainHost(text.ToLowerInvariant()) ? text.ToLowerInvariant() : null;

        foreach (var c in text)
        {
            // Full-width ASCII and ideographic full stops: a browser maps them, a reader may not notice them.
            if (c is >= '\uFF01' and <= '\uFF5E' or '\u3002' or '\uFF61') { reasons |= LinkReasons.EncodedHost; break; }
        }

        text = text.Replace('\u3002', '.').Replace('\uFF0E', '.').Replace('\uFF61', '.');
        try
        {
            var mapped = Idn.GetAscii(text).ToLowerInvariant();
            if (!IsPlainHost(mapped)) return null;
            if (mapped.Contains("xn--", StringComparison.Ordinal)) reasons |= LinkReasons.InternationalizedName;
            return mapped;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasValidLabels(ReadOnlySpan<char> host)
    {
        if (host.Length > 253) return false;
        foreach (var range in host.Split('.'))
        {
            var length = range.End.GetOffset(host.Length) - range.Start.GetOffset(host.Length);
            if (length is 0 or > 63) return false;
        }

        return true;
    }

    /// <summary>WHATWG: a host whose last label is a number is an IPv4 address, also in decimal, octal or hex form.</summary>
    private static bool IsIpv4(ReadOnlySpan<char> host, ref LinkReasons reasons)
    {
        var lastDot = host.LastIndexOf('.');
        var last = host[(lastDot + 1)..];
        if (!IsNumber(last)) return false;
        var dots = host.Count('.');
        var plainDotted = dots == 3;
        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            if (!IsNumber(part)) return true; // not a valid address, but a browser would still reject it as a name
            if (part.Length > 1 && part[0] == '0') plainDotted = false;
        }

        if (!plainDotted) reasons |= LinkReasons.EncodedHost;
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> part)
    {
        if (part.Length == 0) return false;
        if (part.Length > 2 && part[0] == '0' && part[1] is 'x' or 'X')
        {
            foreach (var c in part[2..]) { if (!char.IsAsciiHexDigit(c)) return false; }
            return true;
        }

        foreach (var c in part) { if (!char.IsAsciiDigit(c)) return false; }
        return true;
    }

    private static LinkReasons LoginCue(bool http, ReadOnlySpan<char> rest)
    {
        if (!http || rest.Length == 0) return LinkReasons.None;
        ReadOnlySpan<string> cues = ["login", "logon", "signin", "sign-in", "sign_in", "auth", "password", "account", "mypage", "member", "etgate"];
        foreach (var cue in cues)
        {
            if (rest.Contains(cue, StringComparison.OrdinalIgnoreCase)) return LinkReasons.InsecureLogin;
        }

        return LinkReasons.None;
    }

    internal static string UnicodeLabel(string asciiLabel)
    {
        try
        {
            return Idn.GetUnicode(asciiLabel);
        }
        catch (ArgumentException)
        {
            return asciiLabel;
        }
    }
}
