using System.Text;
using System.Xml;

namespace TakeoverRules.Prevention;

/// <summary>
/// Text for SVG, which the chart writes through <see cref="XmlWriter"/> (it escapes markup in text and attributes,
/// and the chart entitizes line breaks so they survive a reader): what remains is the characters XML cannot hold.
/// </summary>
internal static class SvgText
{
    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 cannot represent (C0 controls other than tab, LF and CR;
    /// U+FFFE, U+FFFF; lone surrogates) replaced by U+FFFD, so writing it never throws and the document always parses.
    /// </summary>
    public static string Representable(string text)
    {
        if (IsRepresentable(text)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(c).Append(text[++i]);
            else clean.Append(char.IsSurrogate(c) || !XmlConvert.IsXmlChar(c) ? PlainText.Unshowable : c);
        }

        return clean.ToString();
    }

    private static bool IsRepresentable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c) || !XmlConvert.IsXmlChar(c)) return false;
        }

        return true;
    }
}
