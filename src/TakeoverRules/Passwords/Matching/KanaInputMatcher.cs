namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Words typed with the keyboard in the other input mode of a JIS keyboard.
/// <list type="bullet">
/// <item>Kana keys as ASCII: a Japanese word typed with the kana keys (JIS kana arrangement) while the field took the
/// keys' ASCII characters, as a password field does: <c>たなか</c> is typed on q, u, t and arrives as <c>qut</c>.
/// The keys are read back as kana, the kana as wapuro romaji, and the romaji looked up in the ranked dictionaries.</item>
/// <item>Letter keys in kana mode: a word typed with its letter keys while the IME was in kana-input mode, so the
/// password holds the kana printed on those keys (<c>sakura</c> arrives as <c>とちのないち</c>). Every kana is one
/// key, so the kana are read back as their keys and looked up.</item>
/// </list>
/// An attacker who knows the trick runs the dictionary once more through the layout: the word costs its rank times
/// <see cref="ModeFactorLog10"/> (2, as a reversed word). Each start walks the sorted word list once (binary-search
/// narrowing, no branching), so the cost is O(n · longest word).
/// The layout is the JIS X 6002 kana arrangement as the xkeyboard-config <c>jp</c> symbols describe it (groups
/// <c>common</c> and <c>kana</c>), see THIRD-PARTY-NOTICES.md.
/// </summary>
internal static class KanaInputMatcher
{
    public const double ModeFactorLog10 = 0.3010299956639812; // log10(2)
    private const int MaxKeys = DictionaryMatcher.MaxWordLength;
    private const char Voiced = '゛', SemiVoiced = '゜', LongVowel = 'ー', SmallTsu = 'っ';

    // ASCII character of a JIS key (unshifted, or shifted where the shifted kana differs) -> the kana on that key.
    private static readonly char[] KeyToKana = BuildKeyToKana();

    // Hiragana (U+3041..U+3096) -> the lower-case ASCII key it is printed on, for the unshifted kana of letter and digit keys.
    private static readonly char[] KanaToKey = BuildKanaToKey();

    // Hiragana -> wapuro romaji (null: not a unit start). Indexed by code - 0x3041.
    private static readonly string?[] Romaji = BuildRomaji();

    public static void Match(EstimationScratch scratch, int length)
    {
        var dictionaries = RankedDictionaries.Instance;
        var text = scratch.Text.AsSpan(0, length);
        var hasKana = false;
        for (var i = 0; i < length; i++)
        {
            if (KanaOf(text[i]) != '\0') hasKana = true;
        }

        for (var i = 0; i < length; i++)
        {
            if (text[i] < 128 && KeyToKana[text[i]] is not ('\0' or Voiced or SemiVoiced or SmallTsu or LongVowel) || text[i] == 'Z')
                MatchKanaKeys(dictionaries, scratch, text, i);
        }

        if (hasKana) MatchLetterKeysInKanaMode(dictionaries, scratch, text);
    }

    // Keys typed for kana, read back: units of one kana (plus voicing mark, plus small ya/yu/yo, after a small tsu).
    // A long-vowel う after an o or u sound may also be dropped (satou/sato, arigatou/arigato), one more spelling each.
    private static void MatchKanaKeys(RankedDictionaries dictionaries, EstimationScratch scratch, ReadOnlySpan<char> text, int start)
    {
        var budget = 32;
        Continue(dictionaries, scratch, text, start, start, 0, 0, dictionaries.WordCount, '\0', 0, ref budget);
    }

    private static void Continue(
        RankedDictionaries dictionaries, EstimationScratch scratch, ReadOnlySpan<char> text, int start, int p, int depth,
        int lo, int hi, char lastVowel, int dropped, ref int budget)
    {
        if (--budget < 0 || p >= text.Length || p - start >= MaxKeys) return;
        var doubled = text[p] == 'Z';
        var q = doubled ? p + 1 : p;
        var unit = scratch.Substituted.AsSpan(8 * Math.Min(dropped, 2), 8); // free: the dictionary walk is done
        var n = ReadUnit(text, ref q, unit);
        if (n == 0) return;
        if (!doubled && n == 1 && unit[0] == 'u' && lastVowel is 'o' or 'u' && depth >= 2 && dropped < 2)
        {
            // The same word spelled without its long vowel.
            if (q - start >= 2 && dictionaries.EndsAt(lo, depth)) Emit(dictionaries, scratch, start, q - 1, lo, CandidateFlags.KanaKeys | CandidateFlags.SpellingVariant, dropped + 1);
            Continue(dictionaries, scratch, text, start, q, depth, lo, hi, 'u', dropped + 1, ref budget);
        }

        if (doubled)
        {
            // Small tsu doubles the next consonant (Hepburn tch before ch); before a vowel it is not a word.
            var first = unit[0];
            if (first is 'a' or 'i' or 'u' or 'e' or 'o' or 'n') return;
            if (!dictionaries.Narrow(ref lo, ref hi, depth++, first == 'c' ? 't' : first)) return;
        }

        for (var k = 0; k < n; k++)
        {
            if (depth >= DictionaryMatcher.MaxWordLength || !dictionaries.Narrow(ref lo, ref hi, depth++, unit[k])) return;
        }

        if (q - start >= 2 && depth >= 2 && dictionaries.EndsAt(lo, depth))
            Emit(dictionaries, scratch, start, q - 1, lo, dropped > 0 ? CandidateFlags.KanaKeys | CandidateFlags.SpellingVariant : CandidateFlags.KanaKeys, dropped);
        Continue(dictionaries, scratch, text, start, q, depth, lo, hi, unit[n - 1], dropped, ref budget);
    }

    // One kana from the keys at p (advancing p), as romaji into unit; 0 when the keys are not a kana unit.
    private static int ReadUnit(ReadOnlySpan<char> text, ref int p, Span<char> unit)
    {
        if (p >= text.Length || text[p] >= 128) return 0;
        var kana = KeyToKana[text[p]];
        if (kana is '\0' or Voiced or SemiVoiced or SmallTsu or LongVowel || kana is 'ゃ' or 'ゅ' or 'ょ' or 'ぁ' or 'ぃ' or 'ぅ' or 'ぇ' or 'ぉ') return 0;
        p++;
        if (p < text.Length && text[p] < 128 && KeyToKana[text[p]] is Voiced or SemiVoiced)
        {
            var marked = KeyToKana[text[p]] == Voiced ? Voice(kana) : SemiVoice(kana);
            if (marked == '\0') return 0;
            kana = marked;
            p++;
        }

        var romaji = Romaji[kana - 0x3041];
        if (romaji is null) return 0;
        if (p < text.Length && text[p] < 128 && KeyToKana[text[p]] is 'ゃ' or 'ゅ' or 'ょ' && romaji.Length >= 2 && romaji[^1] == 'i')
        {
            // Contracted sound: ki + ya = kya, shi + ya = sha, ji + ya = ja.
            var vowel = KeyToKana[text[p]] switch { 'ゃ' => 'a', 'ゅ' => 'u', _ => 'o' };
            p++;
            var stem = romaji.AsSpan(0, romaji.Length - 1);
            stem.CopyTo(unit);
            var n = stem.Length;
            if (stem[^1] != 'h' && stem[^1] != 'j') unit[n++] = 'y';
            unit[n++] = vowel;
            return n;
        }

        romaji.AsSpan().CopyTo(unit);
        return romaji.Length;
    }

    // Kana in the text read back as the letter and digit keys they are printed on.
    private static void MatchLetterKeysInKanaMode(RankedDictionaries dictionaries, EstimationScratch scratch, ReadOnlySpan<char> text)
    {
        for (var start = 0; start < text.Length; start++)
        {
            int lo = 0, hi = dictionaries.WordCount;
            for (var p = start; p < text.Length && p - start < DictionaryMatcher.MaxWordLength; p++)
            {
                var kana = KanaOf(text[p]);
                var key = kana == '\0' ? '\0' : KanaToKey[kana - 0x3041];
                if (key == '\0' || !dictionaries.Narrow(ref lo, ref hi, p - start, key)) break;
                if (p > start && dictionaries.EndsAt(lo, p - start + 1)) Emit(dictionaries, scratch, start, p, lo, CandidateFlags.LetterKeysInKanaMode);
            }
        }
    }

    private static void Emit(RankedDictionaries dictionaries, EstimationScratch scratch, int i, int j, int word, CandidateFlags flags, int variants = 0)
    {
        var rank = dictionaries.RankOf(word);
        scratch.Add(new Candidate
        {
            I = i, J = j, Kind = PasswordPatternKind.Dictionary,
            Log10 = Math.Log10(rank) + ModeFactorLog10 + (variants * DictionaryMatcher.SpellingVariantLog10),
            Dictionary = dictionaries.DictionaryOf(word), Rank = rank, Flags = flags,
        });
    }

    // Hiragana for a hiragana or full-width katakana character (NFKC has already made half-width katakana full-width).
    private static char KanaOf(char c) => c is >= 'ぁ' and <= 'ゖ' ? c : c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : '\0';

    private static char Voice(char kana) => kana switch
    {
        'う' => 'ゔ',
        >= 'か' and <= 'ぢ' when (kana - 'か') % 2 == 0 => (char)(kana + 1), // か..ち: voiced form follows
        'つ' => 'づ',
        'て' or 'と' => (char)(kana + 1),
        'は' or 'ひ' or 'ふ' or 'へ' or 'ほ' => (char)(kana + 1),
        _ => '\0',
    };

    private static char SemiVoice(char kana) => kana is 'は' or 'ひ' or 'ふ' or 'へ' or 'ほ' ? (char)(kana + 2) : '\0';

    private static char[] BuildKeyToKana()
    {
        var table = new char[128];
        // JIS X 6002 kana arrangement, key by key (row by row, left to right), unshifted.
        const string keys = "1234567890-^" + "qwertyuiop@[" + "asdfghjkl;:]" + "zxcvbnm,./\\";
        const string kana = "ぬふあうえおやゆよわほへ" + "たていすかんなにらせ゛゜" + "ちとしはきくまのりれけむ" + "つさそひこみもねるめろ";
        for (var k = 0; k < keys.Length; k++) table[keys[k]] = kana[k];
        // Shifted keys whose kana differs (small kana, wo), as the ASCII the JIS layout gives those keys when shifted.
        const string shiftedKeys = "#$%&'()~EZ";
        const string shiftedKana = "ぁぅぇぉゃゅょをぃっ";
        for (var k = 0; k < shiftedKeys.Length; k++) table[shiftedKeys[k]] = shiftedKana[k];
        return table;
    }

    private static char[] BuildKanaToKey()
    {
        var table = new char[0x56];
        const string keys = "1234567890qwertyuiopasdfghjklzxcvbnm";
        const string kana = "ぬふあうえおやゆよわたていすかんなにらせちとしはきくまのりつさそひこみも";
        for (var k = 0; k < keys.Length; k++) table[kana[k] - 0x3041] = keys[k];
        return table;
    }

    private static string?[] BuildRomaji()
    {
        var table = new string?[0x56];
        const string kana = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
            + "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ";
        string[] romaji =
        [
            "a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu", "te", "to",
            "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo",
            "ra", "ri", "ru", "re", "ro", "wa", "wo", "n",
            "ga", "gi", "gu", "ge", "go", "za", "ji", "zu", "ze", "zo", "da", "ji", "zu", "de", "do",
            "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "vu",
        ];
        for (var k = 0; k < kana.Length; k++) table[kana[k] - 0x3041] = romaji[k];
        return table;
    }
}
