using System.Text;

namespace TakeoverRules.Prevention;

/// <summary>Node ids and labels made safe for Mermaid source, so a label always stays inside its node.</summary>
internal static class MermaidText
{
    /// <summary>
    /// A label for <c>id[label]</c> (or any other node shape): one line (<see cref="PlainText.OneLine"/>) in which the
    /// characters Mermaid reads as shape delimiters, strings, markdown strings, HTML or edge labels
    /// (<c>( ) [ ] { } " ` &lt; &gt; |</c>) take their full-width forms, which read the same, as does the <c>;</c>
    /// that would end an entity code (<c>#quot;</c>, <c>&amp;lt;</c>). Other text, <c>;</c> and <c>--&gt;</c>
    /// included, means nothing inside a node and is kept.
    /// </summary>
    public static string Label(string text)
    {
        var line = PlainText.OneLine(text);
        var label = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var markup = c is '(' or ')' or '[' or ']' or '{' or '}' or '"' or '`' or '<' or '>' or '|' || (c == ';' && EndsEntityCode(line, i));
            label.Append(markup ? PlainText.FullWidth(c) : c);
        }

        return label.ToString();
    }

    // "#name;", "#35;" (Mermaid's entity codes) and "&name;" (HTML's): a word right after '#' or '&', then the ';'.
    private static bool EndsEntityCode(string line, int semicolon)
    {
        var start = semicolon;
        while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] == '_')) start--;
        return start < semicolon && start > 0 && line[start - 1] is '#' or '&';
    }

    /// <summary>A node id: every character other than an ASCII letter, digit or underscore becomes an underscore.</summary>
    public static string Id(string id)
    {
        var safe = new StringBuilder(id.Length + 2);
        if (id.Length == 0 || !char.IsAsciiLetter(id[0])) safe.Append("n_");
        foreach (var c in id) safe.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return safe.ToString();
    }
}
