namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// The caller's words (user inputs per estimate, context words per estimator) as a small ranked dictionary.
/// Unlike zxcvbn, each input is split into tokens — an e-mail's local part and domain labels, letter and digit
/// runs, a birthday's digits joined — so <c>taro.yamada@example.jp</c> catches <c>yamada</c> and <c>1985-07-01</c>
/// catches <c>19850701</c> and <c>0701</c>.
/// </summary>
internal static class UserInputMatcher
{
    private const int MaxTokens = 64;
    private const int MaxTokenLength = 64;
    private const int MinTokenLength = 3;

    public static string[] Tokenize(IEnumerable<string?> inputs)
    {
        var tokens = new List<string>();
        foreach (var input in inputs)
        {
            if (string.IsNullOrEmpty(input) || tokens.Count >= MaxTokens) continue;
            var text = PasswordNormalization.ToLowerInvariant(PasswordNormalization.Normalize(input.AsSpan(0, Math.Min(input.Length, 256))));
            AddToken(tokens, text);
            var digits = new System.Text.StringBuilder();
            var groups = 0;
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
                if (inWord && start < 0) start = i;
                if (inWord) continue;
                if (start >= 0) AddRuns(tokens, text[start..i], digits, ref groups);
                start = -1;
            }

            if (groups >= 2)
            {
                AddToken(tokens, digits.ToString());
                if (digits.Length == 8) AddToken(tokens, digits.ToString(4, 4));
                if (digits.Length == 8) AddToken(tokens, digits.ToString(2, 6));
            }
        }

        return [.. tokens];
    }

    public static void Match(EstimationScratch scratch, int length, string[] tokens, PasswordWordList dictionary)
    {
        var lower = scratch.Lower.AsSpan(0, length);
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t].AsSpan();
            var from = 0;
            while (from < length)
            {
                var at = lower[from..].IndexOf(token, StringComparison.Ordinal);
                if (at < 0) break;
                var i = from + at;
                var log10 = Math.Log10(t + 1) + Guesses.Log10UppercaseVariations(scratch.Text.AsSpan(i, token.Length), out var flags);
                scratch.Add(new Candidate
                {
                    I = i, J = i + token.Length - 1, Kind = PasswordPatternKind.Dictionary, Dictionary = dictionary,
                    Rank = t + 1, Log10 = log10, Flags = flags,
                });
                from = i + 1;
            }
        }
    }

    private static void AddRuns(List<string> tokens, string word, System.Text.StringBuilder digits, ref int groups)
    {
        AddToken(tokens, word);
        var start = 0;
        for (var i = 1; i <= word.Length; i++)
        {
            if (i < word.Length && char.IsAsciiDigit(word[i]) == char.IsAsciiDigit(word[i - 1])) continue;
            var run = word[start..i];
            if (run.Length != word.Length) AddToken(tokens, run);
            if (char.IsAsciiDigit(run[0]))
            {
                digits.Append(run);
                groups++;
            }

            start = i;
        }
    }

    private static void AddToken(List<string> tokens, string token)
    {
        if (token.Length is < MinTokenLength or > MaxTokenLength || tokens.Count >= MaxTokens || tokens.Contains(token)) return;
        tokens.Add(token);
    }
}
