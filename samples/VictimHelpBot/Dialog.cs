using System.Globalization;
using System.Text;
using TakeoverRules;

namespace VictimHelpBot;

/// <summary>The end of standard input: the user left, or the script ran out.</summary>
public sealed class ConversationEndedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConversationEndedException() : base("standard input ended") { }
}

/// <summary>
/// Asks questions and reads the answers, one line each, in one language. Answers are NFKC-normalised first, so a
/// full-width "１" or "ｙ" typed with a Japanese IME counts as "1" or "y". With <paramref name="echo"/> (input from a
/// script or a pipe) each answer is written after its question, so the output reads as a transcript.
/// </summary>
public sealed class Dialog(TextReader input, TextWriter output, CultureInfo culture, bool echo = true)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The conversation's culture: Japanese for a <c>ja</c> culture, English otherwise (the library's <see cref="TextLanguage"/> rule).</summary>
    public CultureInfo Culture { get; } = culture;

    /// <summary>Writes a line in the conversation's language.</summary>
    public void Say(string ja, string en) => output.WriteLine(Pick(ja, en));

    /// <summary>The wording in the conversation's language.</summary>
    public string Pick(string ja, string en) => new BilingualText(ja, en).In(Culture);

    /// <summary>Writes one of the library's bilingual texts.</summary>
    public void Say(BilingualText text) => output.WriteLine(text.In(Culture));

    /// <summary>Writes a line that reads the same in both languages.</summary>
    public void Say(string text) => output.WriteLine(text);

    /// <summary>Asks and returns the normalised answer (possibly empty).</summary>
    /// <exception cref="ConversationEndedException">Standard input ended.</exception>
    public string Ask(string ja, string en)
    {
        output.Write(Pick(ja, en) + " > ");
        output.Flush();
        var line = input.ReadLine() ?? throw new ConversationEndedException();
        if (echo) output.WriteLine(line);
        return line.Normalize(NormalizationForm.FormKC).Trim();
    }

    /// <summary>Reads lines until an empty one: a pasted message.</summary>
    public string AskText(string ja, string en)
    {
        Say(ja, en);
        var text = new StringBuilder();
        while (input.ReadLine() is { } line && line.Trim().Length > 0)
        {
            if (echo) output.WriteLine(line);
            text.AppendLine(line);
        }

        return text.ToString();
    }

    /// <summary>A yes/no question; <see langword="null"/> for "don't know" (an empty answer or "?").</summary>
    public bool? AskYesNo(string ja, string en, bool allowUnknown = false)
    {
        while (true)
        {
            var hint = allowUnknown ? Pick(" (y/n、わからなければ空欄)", " (y/n, empty if unsure)") : " (y/n)";
            var answer = Ask(ja + hint, en + hint).ToLowerInvariant();
            switch (answer)
            {
                case "y" or "yes" or "はい" or "うん": return true;
                case "n" or "no" or "いいえ" or "いや": return false;
                case "" or "?" or "わからない" when allowUnknown: return null;
            }

            Say("y か n で答えてください。", "Please answer y or n.");
        }
    }

    /// <summary>A number from 0 to <paramref name="max"/>.</summary>
    public int AskChoice(string ja, string en, int max)
    {
        while (true)
        {
            var answer = Ask(ja, en);
            if (int.TryParse(answer, NumberStyles.None, Invariant, out var n) && n <= max) return n;
            Say($"0 から {max} の番号で答えてください。", $"Please answer with a number from 0 to {max}.");
        }
    }

    /// <summary>A date, as 2025-04-20 or 2025/4/20.</summary>
    public DateOnly AskDate(string ja, string en)
    {
        while (true)
        {
            var answer = Ask(ja + " (YYYY-MM-DD)", en + " (YYYY-MM-DD)").Replace('/', '-');
            if (DateOnly.TryParseExact(answer, ["yyyy-M-d", "yyyy-MM-dd"], Invariant, DateTimeStyles.None, out var date)) return date;
            Say("2025-04-20 のように入力してください。", "Please type a date such as 2025-04-20.");
        }
    }

    /// <summary>An amount in yen: 5000000, 5,000,000, ¥5,000,000 or 500万; empty is 0.</summary>
    public decimal AskYen(string ja, string en)
    {
        while (true)
        {
            var answer = Ask(ja, en).Replace(",", "", StringComparison.Ordinal).Replace("¥", "", StringComparison.Ordinal).Replace("円", "", StringComparison.Ordinal);
            if (answer.Length == 0) return 0m;
            var multiplier = 1m;
            if (answer.EndsWith('万'))
            {
                multiplier = 10_000m;
                answer = answer[..^1];
            }

            if (decimal.TryParse(answer, NumberStyles.AllowDecimalPoint, Invariant, out var yen) && yen * multiplier <= 1_000_000_000_000m) return yen * multiplier;
            Say("5000000 や 500万 のように金額を入力してください。", "Please type an amount such as 5000000.");
        }
    }

    /// <summary>Formats yen as ¥1,234,567.</summary>
    public static string Yen(decimal amount) => "¥" + amount.ToString("N0", Invariant);
}
