namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Finds ranked dictionary words, reversed words and l33t spellings. Each start position walks the sorted word list
/// one character at a time (binary-search narrowing), with l33t symbols tried as alternative letters during the
/// walk rather than by enumerating substitution maps, so the cost is O(n · longest word) per direction with a
/// fixed budget per start — no quadratic or combinatorial blow-up.
/// </summary>
internal static class DictionaryMatcher
{
    public const int MaxWordLength = 32;
    private const int VisitBudgetPerStart = 256;

    // zxcvbn's l33t table, inverted: symbol -> letters it may stand for (at most two).
    private static readonly string[] L33t = BuildL33t();

    public static void Match(EstimationScratch scratch, int length)
    {
        var dictionaries = RankedDictionaries.Instance;
        var lower = scratch.Lower.AsSpan(0, length);
        var substituted = scratch.Substituted.AsSpan();
        for (var i = 0; i < length; i++)
        {
            var budget = VisitBudgetPerStart;
            var variantBudget = VariantBudgetPerStart;
            Walk(dictionaries, scratch, lower, i, 0, 0, dictionaries.WordCount, 0, substituted, reversed: false, ref budget, ref variantBudget);
        }

        // Reversed words: walk the reversed string without l33t (as zxcvbn).
        var reversedText = scratch.Reversed.AsSpan(0, length);
        for (var i = 0; i < length; i++) reversedText[i] = lower[length - 1 - i];
        for (var i = 0; i < length; i++)
        {
            var budget = VisitBudgetPerStart;
            var variantBudget = 0;
            Walk(dictionaries, scratch, reversedText, i, 0, 0, dictionaries.WordCount, 0, substituted, reversed: true, ref budget, ref variantBudget);
        }
    }

    private static void Walk(
        RankedDictionaries dictionaries, EstimationScratch scratch, ReadOnlySpan<char> text, int start, int depth,
        int lo, int hi, int substitutions, Span<char> substituted, bool reversed, ref int budget, ref int variantBudget)
    {
        var position = start + depth;
        if (position >= text.Length || depth >= MaxWordLength || --budget < 0) return;
        var c = text[position];
        if (substitutions == 0 && variantBudget > 0 && VariantStarts.Contains(c))
            TryVariants(dictionaries, scratch, text, start, position, depth, lo, hi, 0, ref variantBudget);
        var alternatives = !reversed && c < 128 ? L33t[c] : "";
        for (var a = -1; a < alternatives.Length; a++)
        {
            var letter = a < 0 ? c : alternatives[a];
            int l = lo, h = hi;
            if (!dictionaries.Narrow(ref l, ref h, depth, letter)) continue;
            var subs = substitutions + (a < 0 ? 0 : 1);
            substituted[depth] = a < 0 ? '\0' : letter;
            if (depth >= 1 && dictionaries.EndsAt(l, depth + 1))
                Emit(dictionaries, scratch, text, start, depth + 1, l, subs, substituted, reversed);
            Walk(dictionaries, scratch, text, start, depth + 1, l, h, subs, substituted, reversed, ref budget, ref variantBudget);
        }
    }

    // Romaji spellings the IME accepts for the same kana, as (typed, spelled in the dictionary): Kunrei and Nihon-shiki
    // syllables (si, ti, tu, hu, zi, di, du, sy-, ty-, zy-, jy-, cy-), long vowels typed out (ou, oo, uu, oh before a
    // consonant), nn and n' for ん, n before b/p/m (Hepburn writes m), and cch for っち. The build script already adds
    // whole-word Kunrei and long-vowel forms; these rules cover mixed and IME-only spellings at match time.
    private static readonly (string Typed, string Spelled)[] Variants =
    [
        ("si", "shi"), ("ti", "chi"), ("tu", "tsu"), ("hu", "fu"), ("zi", "ji"), ("di", "ji"), ("du", "zu"),
        ("sy", "sh"), ("ty", "ch"), ("cy", "ch"), ("zy", "j"), ("jy", "j"),
        ("ou", "o"), ("oo", "o"), ("uu", "u"), ("oh", "o"), ("nn", "n"), ("n'", "n"), ("nb", "mb"), ("np", "mp"), ("nm", "mm"),
        ("cch", "tch"),
    ];

    private const string VariantStarts = "stzhdcjoun";

    // The rules by the first character they read, so a walk step tries only the few that can apply.
    private static readonly (string Typed, string Spelled)[][] VariantsByFirst = BuildVariantsByFirst();

    private static (string Typed, string Spelled)[][] BuildVariantsByFirst()
    {
        var table = new (string Typed, string Spelled)[128][];
        for (var c = 0; c < table.Length; c++)
        {
            var count = 0;
            foreach (var rule in Variants)
            {
                if (rule.Typed[0] == c) count++;
            }

            table[c] = new (string Typed, string Spelled)[count];
            count = 0;
            foreach (var rule in Variants)
            {
                if (rule.Typed[0] == c) table[c][count++] = rule;
            }
        }

        return table;
    }
    private const int VariantBudgetPerStart = 96;

    // Continues a dictionary walk at text[position] (dictionary depth), applying one variant rule there; applied counts
    // the rules used so far. Words found are emitted only when at least one rule was used and the word is Japanese.
    private static void TryVariants(
        RankedDictionaries dictionaries, EstimationScratch scratch, ReadOnlySpan<char> text, int start, int position, int depth,
        int lo, int hi, int applied, ref int budget)
    {
        var c = text[position];
        if (c >= 128) return;
        foreach (var (typed, spelled) in VariantsByFirst[c])
        {
            if (!text[position..].StartsWith(typed)) continue;
            var next = position + typed.Length;
            if (typed == "oh" && next < text.Length && text[next] is 'a' or 'i' or 'u' or 'e' or 'o') continue;
            int l = lo, h = hi, d = depth;
            var ok = true;
            foreach (var ch in spelled)
            {
                if (d >= MaxWordLength || !dictionaries.Narrow(ref l, ref h, d++, ch))
                {
                    ok = false;
                    break;
                }
            }

            if (ok) WalkVariant(dictionaries, scratch, text, start, next, d, l, h, applied + 1, ref budget);
        }
    }

    private static void WalkVariant(
        RankedDictionaries dictionaries, EstimationScratch scratch, ReadOnlySpan<char> text, int start, int position, int depth,
        int lo, int hi, int applied, ref int budget)
    {
        if (--budget < 0) return;
        if (depth >= 2 && dictionaries.EndsAt(lo, depth)) EmitVariant(dictionaries, scratch, start, position - 1, lo, applied);
        if (position >= text.Length || depth >= MaxWordLength) return;
        if (VariantStarts.Contains(text[position])) TryVariants(dictionaries, scratch, text, start, position, depth, lo, hi, applied, ref budget);
        int l = lo, h = hi;
        if (dictionaries.Narrow(ref l, ref h, depth, text[position]))
            WalkVariant(dictionaries, scratch, text, start, position + 1, depth + 1, l, h, applied, ref budget);
    }

    private static void EmitVariant(RankedDictionaries dictionaries, EstimationScratch scratch, int i, int j, int word, int applied)
    {
        var list = dictionaries.DictionaryOf(word);
        if (list is not (PasswordWordList.JapaneseWords or PasswordWordList.JapaneseSurnames or PasswordWordList.JapaneseGivenNames)) return;
        var rank = dictionaries.RankOf(word);
        var log10 = Math.Log10(rank) + (applied * SpellingVariantLog10) + Guesses.Log10UppercaseVariations(scratch.Text.AsSpan(i, j - i + 1), out var flags);
        scratch.Add(new Candidate
        {
            I = i, J = j, Kind = PasswordPatternKind.Dictionary, Log10 = log10, Dictionary = list, Rank = rank,
            Flags = flags | CandidateFlags.SpellingVariant,
        });
    }

    /// <summary>Each IME spelling rule used doubles the guesses, as the build script's whole-word variants (twice the rank).</summary>
    public const double SpellingVariantLog10 = 0.3010299956639812;

    private static void Emit(
        RankedDictionaries dictionaries, EstimationScratch scratch, ReadOnlySpan<char> text, int start, int length,
        int word, int substitutions, Span<char> substituted, bool reversed)
    {
        var n = text.Length;
        int i = reversed ? n - start - length : start, j = i + length - 1;
        var log10 = Math.Log10(dictionaries.RankOf(word));
        log10 += Guesses.Log10UppercaseVariations(scratch.Text.AsSpan(i, length), out var flags);
        if (substitutions > 0)
        {
            flags |= CandidateFlags.L33t;
            log10 += L33tVariations(text.Slice(start, length), substituted[..length]);
        }

        if (reversed)
        {
            flags |= CandidateFlags.Reversed;
            log10 += Math.Log10(2);
        }

        if (dictionaries.CommonPasswordRankOf(word) > 0) flags |= CandidateFlags.CommonPassword;
        scratch.Add(new Candidate
        {
            I = i, J = j, Kind = PasswordPatternKind.Dictionary, Log10 = log10,
            Dictionary = dictionaries.DictionaryOf(word), Rank = dictionaries.RankOf(word), Flags = flags,
        });
    }

    // Per substituted letter: S positions carry a symbol for it, U positions carry the letter itself.
    private static double L33tVariations(ReadOnlySpan<char> token, ReadOnlySpan<char> substituted)
    {
        var total = 0.0;
        for (var k = 0; k < substituted.Length; k++)
        {
            var letter = substituted[k];
            if (letter == '\0' || substituted[..k].Contains(letter)) continue;
            int s = 0, u = 0;
            for (var m = 0; m < token.Length; m++)
            {
                if (substituted[m] == letter) s++;
                else if (token[m] == letter) u++;
            }

            total += Guesses.Log10Variations(s, u);
        }

        return total;
    }

    private static string[] BuildL33t()
    {
        var table = new string[128];
        for (var i = 0; i < table.Length; i++) table[i] = "";
        void Map(char letter, string symbols)
        {
            foreach (var s in symbols) table[s] += letter;
        }

        Map('a', "4@");
        Map('b', "8");
        Map('c', "({[<");
        Map('e', "3");
        Map('g', "69");
        Map('i', "1!|");
        Map('l', "1|7");
        Map('o', "0");
        Map('s', "$5");
        Map('t', "+7");
        Map('x', "%");
        Map('z', "2");
        return table;
    }
}
