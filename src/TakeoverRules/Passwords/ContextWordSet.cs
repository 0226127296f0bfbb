using System.Text;

namespace TakeoverRules.Passwords;

/// <summary>
/// Context words (service name, login ID, e-mail, name) and their derivatives, folded for whole-password comparison:
/// the word itself, each token of three or more code points (an e-mail splits into local part, name parts and domain
/// labels), the tokens joined without separators, and every ordered pair of tokens (<c>yamadataro</c>).
/// </summary>
internal sealed class ContextWordSet
{
    /// <summary>Inputs beyond this many are ignored, and each input is cut to <see cref="MaximumInputLength"/>: they are untrusted, and the checks must stay bounded.</summary>
    public const int MaximumInputs = 64;

    public const int MaximumInputLength = 256;

    private const int MinimumTokenLength = 3;
    private const int MaximumTokensPerInput = 8;

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    public ContextWordSet(IEnumerable<string>? inputs)
    {
        var added = 0;
        foreach (var input in inputs ?? [])
        {
            if (added++ >= MaximumInputs) break;
            if (!string.IsNullOrWhiteSpace(input)) Add(input);
        }
    }

    public bool IsEmpty => _words.Count == 0;

    /// <summary>Whether the folded password, or its reverse, is one of the words.</summary>
    public bool Matches(string folded) => _words.Contains(folded) || _words.Contains(Reverse(folded));

    /// <summary>The letters and digits only (<c>example-securities</c> → <c>examplesecurities</c>), matching the joined tokens.</summary>
    public static string Compact(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune)) builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    private void Add(string input)
    {
        var folded = PolicyText.Fold(PolicyText.Normalize(input.Length > MaximumInputLength ? input[..MaximumInputLength] : input, out _)).Trim();
        if (PolicyText.CountCodePoints(folded) >= MinimumTokenLength) _words.Add(folded);

        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(rune.ToString());
                continue;
            }

            Flush(current, tokens);
        }

        Flush(current, tokens);
        if (tokens.Count > MaximumTokensPerInput) tokens.RemoveRange(MaximumTokensPerInput, tokens.Count - MaximumTokensPerInput);
        if (tokens.Count > 1) _words.Add(string.Concat(tokens));

        foreach (var token in tokens)
        {
            if (PolicyText.CountCodePoints(token) >= MinimumTokenLength) _words.Add(token);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            for (var j = 0; j < tokens.Count; j++)
            {
                if (i != j) _words.Add(tokens[i] + tokens[j]);
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length == 0) return;
        tokens.Add(current.ToString());
        current.Clear();
    }

    private static string Reverse(string value)
    {
        var runes = value.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        var builder = new StringBuilder(value.Length);
        foreach (var rune in runes) builder.Append(rune.ToString());
        return builder.ToString();
    }
}
