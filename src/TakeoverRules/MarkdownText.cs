using System.Globalization;
using System.Text;

namespace TakeoverRules;

/// <summary>
/// Free text and URLs made safe to place in a line of Markdown (CommonMark and GitHub's tables and autolinks): the
/// text shows as written and cannot start a block, end a table cell, open a link, an image, a code span or raw HTML,
/// or become a link by itself. Every Markdown writer of the package goes through it.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// Escapes <paramref name="text"/> for a paragraph, heading, list item, quote or table cell: one line
    /// (<see cref="PlainText.OneLine"/>), outer spaces trimmed, <c>\ ` * _ [ ] |</c> backslash-escaped, as is a
    /// <c>~</c> that could close a strikethrough (one not after a space); <c>&lt;</c> and an <c>&amp;</c> that would
    /// start an entity written as entities; a block marker at the start (<c>#</c> heading, <c>&gt;</c> quote, <c>-</c>
    /// or <c>+</c> list or rule, <c>1.</c> list, <c>=</c> heading underline on a continuation line) escaped; and <c>://</c> and <c>www.</c> broken so that no URL in the text becomes
    /// a link. Ordinary Japanese and English text comes back unchanged.
    /// </summary>
    public static string Inline(string text)
    {
        var line = PlainText.OneLine(text).Trim(' ');
        var escaped = new StringBuilder(line.Length + 8);
        var listDelimiter = OrderedListDelimiter(line);
        if (StartsHeading(line) || (line.Length > 0 && line[0] is '>' or '-' or '+' or '=')) escaped.Append('\\');
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|':
                case '~' when i == 0 || line[i - 1] != ' ':
                    escaped.Append('\\').Append(c);
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '&' when StartsEntity(line, i):
                    escaped.Append("&amp;");
                    break;
                case ':' when string.CompareOrdinal(line, i + 1, "//", 0, 2) == 0:
                case '.' when i == listDelimiter || EndsWww(line, i):
                case ')' when i == listDelimiter:
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as a code span (for ids and keys), fenced by more backticks than it contains. Not for
    /// table cells, where a pipe would still end the cell.
    /// </summary>
    public static string Code(string text)
    {
        var line = PlainText.OneLine(text);
        int longest = 0, run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') || (line.StartsWith(' ') && line.EndsWith(' ') && line.Trim(' ').Length > 0) ? " " : "";
        return fence + pad + line + pad + fence;
    }

    /// <summary>
    /// A URL (the spelling the caller chose, Japanese included) shown as text, which GitHub makes a link to itself:
    /// the characters Markdown or a table would read, and any space or control character, percent-encoded.
    /// </summary>
    public static string Url(string url) => Encode(url, destination: false);

    /// <summary>
    /// A link <c>[text](url)</c>: the text escaped as <see cref="Inline"/>, the URL's original spelling encoded as for
    /// <see cref="Url"/> and its parentheses too.
    /// </summary>
    public static string Link(string text, Uri url) => $"[{Inline(text)}]({Encode(url.OriginalString, destination: true)})";

    // Per RFC 3986 these characters may be percent-encoded without changing what the URL names.
    private static string Encode(string url, bool destination)
    {
        var encoded = new StringBuilder(url.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]);
            var unsafeChar = c <= ' ' || char.IsControl(c) || PlainText.IsLineBreak(c) || PlainText.IsBidiControl(c) || (char.IsSurrogate(c) && !pair)
                || c is '<' or '>' or '"' or '`' or '|' or '[' or ']' or '{' or '}' or '^' or '\\' or '*'
                || (destination && c is '(' or ')');
            if (pair)
            {
                encoded.Append(c).Append(url[++i]);
            }
            else if (!unsafeChar)
            {
                encoded.Append(c);
            }
            else
            {
                var n = new Rune(char.IsSurrogate(c) ? PlainText.Unshowable : c).EncodeToUtf8(bytes);
                foreach (var b in bytes[..n]) encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    // An ATX heading: one to six '#' then a space or the end.
    private static bool StartsHeading(string line)
    {
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#') hashes++;
        return hashes is >= 1 and <= 6 && (hashes == line.Length || line[hashes] == ' ');
    }

    // "1." or "1)" (up to nine digits) then a space or the end would start an ordered list: the index of the '.' or ')'.
    private static int OrderedListDelimiter(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits is >= 1 and <= 9 && digits < line.Length && line[digits] is '.' or ')' && (digits + 1 == line.Length || line[digits + 1] == ' ')
            ? digits
            : -1;
    }

    // "&name;", "&#123;" or "&#x1F;" would be read as a character reference.
    private static bool StartsEntity(string line, int at)
    {
        var i = at + 1;
        var numeric = i < line.Length && line[i] == '#';
        if (numeric) i++;
        var hex = numeric && i < line.Length && line[i] is 'x' or 'X';
        if (hex) i++;
        var start = i;
        while (i < line.Length && (hex ? char.IsAsciiHexDigit(line[i]) : numeric ? char.IsAsciiDigit(line[i]) : char.IsAsciiLetterOrDigit(line[i]))) i++;
        return i > start && i < line.Length && line[i] == ';' && (numeric || char.IsAsciiLetter(line[start]));
    }

    // GitHub links "www." at the start of a word.
    private static bool EndsWww(string line, int dot) =>
        dot >= 3 && string.Compare(line, dot - 3, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && (dot == 3 || !char.IsLetterOrDigit(line[dot - 4]));
}
