using System.Text.Json;
using CsCheck;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests;

/// <summary>Text an attacker would put in a facts update: markup of every output format, line breaks, controls.</summary>
internal static class HostileText
{
    private static readonly string[] Pieces =
    [
        "|", "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\t", "\u0000", "\u001b]8;;http://evil.example\u001b\\", "\u202e", "\ud800",
        "<script>alert(1)</script>", "<b>", "](http://evil.example)", "[call now](http://evil.example)", "![x](http://evil.example/x.png)",
        "<http://evil.example>", "http://evil.example", "https://evil.example/a_b", "www.evil.example", "\"", "'", "`", "```", "-->", ";",
        "&", "&lt;", "&#35;", "#quot;", "&amp;", "# ", "## ", "> ", "- ", "+ ", "* ", "1. ", "2) ", "---", "===", "*", "**", "_", "~", "~~",
        "\\", "(", ")", "[", "]", "{", "}", "{{", "))", "-)", "(-", ":::", "::icon(x)", "%%", "[x] ", "    ", " ",
        "金融庁", "050-0000-0000", "相談", "a", "Z9",
    ];

    /// <summary>One to twelve pieces, each a fragment of markup or a short random string, with something visible in it.</summary>
    public static Gen<string> Gen { get; } = CsCheck.Gen.OneOf(CsCheck.Gen.OneOf<string>(Pieces), CsCheck.Gen.String[0, 4])
        .Array[1, 12].Select(parts => string.Concat(parts)).Where(s => !string.IsNullOrWhiteSpace(s));

    /// <summary>Full-width forms mapped back to ASCII, so text can be compared with what an escaper made of it.</summary>
    public static string Narrow(string text) => new([.. text.Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c)]);

    /// <summary>
    /// The embedded facts with an unsigned update that replaces the FSA counselling contact: its organisation, hours
    /// and purpose are <paramref name="text"/> (phone and URL must still be valid, the reader checks them).
    /// </summary>
    public static FactsRegistry WithFsaContact(string text, string phone = "0570-016811", string url = "https://fsa-help.example/")
    {
        var t = JsonSerializer.Serialize(text);
        var json = $$"""
            { "schema": 1, "version": "2027.01.01", "date": "2027-01-01",
              "sources": [ { "id": "planted", "title": "t", "publisher": "p", "url": "https://fsa-help.example/", "published": "2026-12-20", "grade": "primary" } ],
              "contacts": [
                { "id": "fsa-counselling", "kind": "regulator", "organisation": { "ja": {{t}}, "en": {{t}} }, "phone": "{{phone}}", "url": "{{url}}",
                  "hours": { "ja": {{t}}, "en": {{t}} }, "purpose": { "ja": {{t}}, "en": {{t}} },
                  "sources": ["planted"], "asOf": "2026-12-20", "basis": "published", "grade": "primary" }
              ] }
            """;
        var result = FactsRegistry.Embedded.ApplyUpdate(json, FactsUpdateTrust.UnsignedAllowed);
        result.Errors.Should().BeEmpty();
        return result.Registry;
    }
}
