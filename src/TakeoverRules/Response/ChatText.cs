using System.Text;

namespace TakeoverRules.Response;

/// <summary>
/// Free text made safe for a plain chat message (LINE, Slack, Teams and the like), where one line is one step and
/// clients turn URLs and some markup into links.
/// </summary>
internal static class ChatText
{
    /// <summary>
    /// One line (<see cref="PlainText.OneLine"/>) in which <c>&lt; &gt; [ ]</c> become their full-width forms (no
    /// <c>&lt;url|text&gt;</c>, <c>[text](url)</c> or HTML) and <c>://</c> and <c>www.</c> take a full-width colon and
    /// dot, so a URL in the text is shown but never offered as a link.
    /// </summary>
    public static string Inline(string text)
    {
        var line = PlainText.OneLine(text);
        var safe = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var link = (c == ':' && string.CompareOrdinal(line, i + 1, "//", 0, 2) == 0)
                || (c == '.' && i >= 3 && string.Compare(line, i - 3, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0);
            safe.Append(link || c is '<' or '>' or '[' or ']' ? PlainText.FullWidth(c) : c);
        }

        return safe.ToString();
    }
}
