using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TakeoverRules.Links;

/// <summary>
/// Unicode TR39 confusable prototypes for non-ASCII characters that look like ASCII letters, digits or a hyphen
/// (embedded, see <c>Data/make-link-data.py</c>), and the scripts a label uses. Only names that are not plain ASCII
/// come here, so the table is loaded on first use. Immutable and thread-safe.
/// </summary>
internal static class Confusables
{
    private const string ResourceName = "TakeoverRules.Links.Data.confusables.txt";

    private static readonly Lazy<FrozenDictionary<int, string>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Scripts that matter for mixed-script labels; Japanese may combine Latin, Han, Hiragana and Katakana.</summary>
    [Flags]
    public enum Scripts
    {
        None = 0,
        Latin = 1,
        Greek = 2,
        Cyrillic = 4,
        Han = 8,
        Hiragana = 16,
        Katakana = 32,
        Other = 64,
    }

    /// <summary>
    /// The skeleton of a Unicode label, after TR39: compatibility-decomposed (full-width letters become ASCII, an
    /// accented letter its base letter and a mark), marks dropped (a reader sees <c>ò</c> as <c>o</c>), and each
    /// character replaced by its ASCII prototype when it, its lower-case or its upper-case form has one (TR39 lists
    /// Cyrillic <c>К</c> and <c>М</c> but not the lower-case <c>к</c> and <c>м</c> a host is written in); others kept.
    /// </summary>
    /// <param name="label">A decoded (Unicode) label.</param>
    /// <param name="dropUnmapped">Leave out characters without an ASCII prototype: in a mixed-script label the reader sees the Latin rest.</param>
    public static string Skeleton(string label, bool dropUnmapped)
    {
        var table = Table.Value;
        var builder = new StringBuilder(label.Length);
        foreach (var rune in label.Normalize(NormalizationForm.FormKD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark) continue;
            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsAscii)
            {
                builder.Append((char)lower.Value);
            }
            else if (table.TryGetValue(lower.Value, out var prototype) || table.TryGetValue(rune.Value, out prototype)
                || table.TryGetValue(Rune.ToUpperInvariant(rune).Value, out prototype))
            {
                builder.Append(prototype);
            }
            else if (!dropUnmapped)
            {
                builder.Append(lower.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>The scripts of the letters in <paramref name="label"/> (digits, hyphens and marks belong to none).</summary>
    public static Scripts ScriptsOf(string label)
    {
        var scripts = Scripts.None;
        foreach (var rune in label.EnumerateRunes())
        {
            scripts |= ScriptOf(rune);
        }

        return scripts;
    }

    /// <summary>Whether the scripts are a combination a reader does not expect in one label.</summary>
    public static bool IsMixed(Scripts scripts)
    {
        // Japanese labels legitimately mix Latin, Han, Hiragana and Katakana (TR39 "highly restrictive" allows it).
        const Scripts japanese = Scripts.Latin | Scripts.Han | Scripts.Hiragana | Scripts.Katakana;
        if ((scripts & ~japanese) == Scripts.None) return false;
        return System.Numerics.BitOperations.PopCount((uint)scripts) > 1;
    }

    private static Scripts ScriptOf(Rune rune)
    {
        var v = rune.Value;
        if (!Rune.IsLetter(rune)) return Scripts.None;
        return v switch
        {
            < 0x250 => Scripts.Latin,
            >= 0x1E00 and < 0x1F00 => Scripts.Latin,
            >= 0x2C60 and < 0x2C80 => Scripts.Latin,
            >= 0xA720 and < 0xA800 => Scripts.Latin,
            >= 0xFF21 and < 0xFF5B => Scripts.Latin,
            >= 0x370 and < 0x400 => Scripts.Greek,
            >= 0x1F00 and < 0x2000 => Scripts.Greek,
            >= 0x400 and < 0x530 => Scripts.Cyrillic,
            >= 0x1C80 and < 0x1C90 => Scripts.Cyrillic,
            >= 0x2DE0 and < 0x2E00 => Scripts.Cyrillic,
            >= 0xA640 and < 0xA6A0 => Scripts.Cyrillic,
            >= 0x3040 and < 0x30A0 => Scripts.Hiragana,
            >= 0x30A0 and < 0x3100 => Scripts.Katakana,
            >= 0x31F0 and < 0x3200 => Scripts.Katakana,
            >= 0xFF66 and < 0xFFA0 => Scripts.Katakana,
            >= 0x3400 and < 0x4DC0 => Scripts.Han,
            >= 0x4E00 and < 0xA000 => Scripts.Han,
            >= 0xF900 and < 0xFB00 => Scripts.Han,
            >= 0x20000 and < 0x32000 => Scripts.Han,
            _ => Scripts.Other,
        };
    }

    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(Confusables).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            map[int.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = line[(tab + 1)..];
        }

        return map.ToFrozenDictionary();
    }
}
