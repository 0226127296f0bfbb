using System.Text;

namespace TakeoverRules.Links;

/// <summary>
/// Finds links in a mail or SMS body: with a scheme (<c>https://</c>, also written in full-width characters), starting
/// with <c>www.</c>, or bare domains whose last label is a known top-level domain. Full-width ASCII and ideographic
/// full stops count as their ASCII forms. One pass, linear in the length of the text.
/// </summary>
internal static class LinkExtractor
{
    public static IEnumerable<(int Start, int Length, string Link)> Extract(string text, PublicSuffixList suffixes)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLinkChar(Ascii(text[i])))
            {
                i++;
                continue;
            }

            var end = RunEnd(text, i);
            var candidate = TrimEnd(Map(text, i, end));
            var offset = SchemeStart(candidate);
            if (offset >= 0 && IsLink(candidate[offset..], suffixes)) yield return (i + offset, candidate.Length - offset, candidate[offset..]);
            i = Math.Max(end, i + 1);
        }
    }

    /// <summary>Full-width ASCII (U+FF01–FF5E) as ASCII; ideographic full stops as '.'.</summary>
    private static char Ascii(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3002' or '\uFF61' => '.',
        _ => c,
    };

    private static bool IsLinkChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@' or '!'
            or '$' or '&' or '*' or '+' or ',' or ';' or '=' or '%' or '\\';

    private static int RunEnd(string text, int start)
    {
        var i = start;
        var hasScheme = false;
        while (i < text.Length)
        {
            var c = Ascii(text[i]);
            if (IsLinkChar(c))
            {
                if (!hasScheme && c == '/' && i + 1 < text.Length && Ascii(text[i + 1]) == '/' && i > start && Ascii(text[i - 1]) == ':') hasScheme = true;
                i++;
                continue;
            }

            // An internationalised host after a scheme: a non-ASCII letter continues the host when it follows
            // "//", a dot or another non-ASCII letter (so Japanese text right after an ASCII host ends the link).
            if (hasScheme && char.IsLetterOrDigit(c) && c >= 0x80 && i > start && InHost(text, start, i))
            {
                var previous = Ascii(text[i - 1]);
                if (previous is '/' or '.' or '-' || previous >= 0x80)
                {
                    i++;
                    continue;
                }
            }

            break;
        }

        return i;
    }

    private static bool InHost(string text, int start, int i)
    {
        var slashes = 0;
        for (var j = start; j < i; j++)
        {
            var c = Ascii(text[j]);
            if (c == '/') slashes++;
            if (slashes >= 3 || c is '?' or '#') return false;
        }

        return slashes == 2;
    }

    private static string Map(string text, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            builder.Append(Ascii(text[i]));
        }

        return builder.ToString();
    }

    private static string TrimEnd(string candidate)
    {
        var end = candidate.Length;
        while (end > 0 && candidate[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ']' or '*' or '&') end--;
        return end == candidate.Length ? candidate : candidate[..end];
    }

    /// <summary>Where the link starts in a run: at its http(s) scheme when it has one ("URL:https://…"), else at 0; -1 for other schemes.</summary>
    private static int SchemeStart(string candidate)
    {
        var separator = candidate.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0) return 0;
        var start = separator;
        while (start > 0 && char.IsAsciiLetter(candidate[start - 1])) start--;
        var scheme = candidate.AsSpan(start, separator - start);
        if (scheme.EndsWith("https", StringComparison.OrdinalIgnoreCase)) return separator - 5;
        if (scheme.EndsWith("http", StringComparison.OrdinalIgnoreCase)) return separator - 4;
        return -1;
    }

    private static bool IsLink(string candidate, PublicSuffixList suffixes)
    {
        if (candidate.Length < 4) return false;
        if (candidate.Contains("://", StringComparison.Ordinal)) return true;

        // Without a scheme: a host with a dot and a known top-level domain; an e-mail address is not a link.
        var authorityEnd = candidate.AsSpan().IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? candidate.AsSpan() : candidate.AsSpan(0, authorityEnd);
        var at = authority.LastIndexOf('@');
        if (at >= 0 && authorityEnd < 0) return false;
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        var colon = host.IndexOf(':');
        if (colon >= 0) host = host[..colon];
        var dot = host.LastIndexOf('.');
        if (dot <= 0 || dot == host.Length - 1) return false;
        Span<char> tld = stackalloc char[Math.Min(host.Length - dot - 1, 64)];
        host[(dot + 1)..][..tld.Length].ToLowerInvariant(tld);
        if (!char.IsAsciiLetter(tld[0])) return false;
        return suffixes.IsTopLevelDomain(tld);
    }
}
