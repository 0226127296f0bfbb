using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords.Matching;

/// <summary>
/// The published matching test vectors of zxcvbn (dropbox/zxcvbn, test/test-matching.coffee, MIT licence, © 2012-2016
/// Dan Wheeler and Dropbox, Inc.; see THIRD-PARTY-NOTICES.md), used as test data: each vector is a password and the
/// pattern zxcvbn's matchers must find in it, with its position and its keyboard, turns, year or repeat base. Here all
/// of this library's matchers run on the password (as the estimator runs them) and the pattern must be among their
/// candidates. Not run: the dictionary and l33t vectors built on zxcvbn's small test dictionaries (this library's
/// matchers read only its embedded lists) and the utility-function checks.
/// </summary>
public sealed class ZxcvbnMatchingVectorTests
{
    public sealed record Vector(string Password, PasswordPatternKind Kind, int I, int J)
    {
        public string? Keyboard { get; init; }
        public int? Turns { get; init; }
        public int? Year { get; init; }
        public int? BaseLength { get; init; }

        // Shown by the test runner: the vector is test data, not a user's password.
        public override string ToString() => $"{Kind} [{I},{J}] in \"{Password}\"";
    }

    private static Vector Spatial(string p, string keyboard, int turns) => new(p, PasswordPatternKind.Keyboard, 0, p.Length - 1) { Keyboard = keyboard, Turns = turns };

    private static IEnumerable<(string Text, int I, int J)> Embedded(string pattern, string[] prefixes, string[] suffixes)
    {
        foreach (var prefix in prefixes.Prepend(""))
        {
            foreach (var suffix in suffixes.Prepend("")) yield return (prefix + pattern + suffix, prefix.Length, prefix.Length + pattern.Length - 1);
        }
    }

    public static TheoryData<Vector> Vectors()
    {
        var data = new TheoryData<Vector>();
        // spatial matching
        data.Add(new Vector("rz!6tfGHJ%z", PasswordPatternKind.Keyboard, 3, 8) { Keyboard = "UsQwerty", Turns = 2 });
        foreach (var v in new[]
        {
            Spatial("12345", "UsQwerty", 1), Spatial("@WSX", "UsQwerty", 1), Spatial("6tfGHJ", "UsQwerty", 2), Spatial("hGFd", "UsQwerty", 1),
            Spatial("/;p09876yhn", "UsQwerty", 3), Spatial("Xdr%", "UsQwerty", 1), Spatial("159-", "NumericKeypad", 1), Spatial("*84", "NumericKeypad", 1),
            Spatial("/8520", "NumericKeypad", 1), Spatial("369", "NumericKeypad", 1), Spatial("/963.", "MacKeypad", 1), Spatial("*-632.0214", "MacKeypad", 9),
            Spatial("aoEP%yIxkjq:", "Dvorak", 4), Spatial(";qoaOQ:Aoq;a", "Dvorak", 11),
        })
        {
            data.Add(v);
        }

        // sequence matching
        data.Add(new Vector("abcbabc", PasswordPatternKind.Sequence, 0, 2));
        data.Add(new Vector("abcbabc", PasswordPatternKind.Sequence, 2, 4));
        data.Add(new Vector("abcbabc", PasswordPatternKind.Sequence, 4, 6));
        foreach (var (text, i, j) in Embedded("jihg", ["!", "22"], ["!", "22"])) data.Add(new Vector(text, PasswordPatternKind.Sequence, i, j));
        foreach (var p in new[] { "ABC", "CBA", "PQR", "RQP", "XYZ", "ZYX", "abcd", "dcba", "jihg", "wxyz", "zxvt", "0369", "97531" })
            data.Add(new Vector(p, PasswordPatternKind.Sequence, 0, p.Length - 1));

        // repeat matching
        foreach (var (text, i, j) in Embedded("&&&&&", ["@", "y4@"], ["u", "u%7"])) data.Add(new Vector(text, PasswordPatternKind.Repeat, i, j) { BaseLength = 1 });
        foreach (var length in new[] { 3, 12 })
        {
            foreach (var c in "aZ4&") data.Add(new Vector(new string(c, length), PasswordPatternKind.Repeat, 0, length - 1) { BaseLength = 1 });
        }

        foreach (var (i, j) in new[] { (0, 2), (3, 6), (7, 11), (12, 17) }) data.Add(new Vector("BBB1111aaaaa@@@@@@", PasswordPatternKind.Repeat, i, j) { BaseLength = 1 });
        foreach (var (i, j) in new[] { (4, 6), (12, 15), (21, 25), (30, 35) })
            data.Add(new Vector("2818BBBbzsdf1111@*&@!aaaaaEUDA@@@@@@1729", PasswordPatternKind.Repeat, i, j) { BaseLength = 1 });
        data.Add(new Vector("abab", PasswordPatternKind.Repeat, 0, 3) { BaseLength = 2 });
        data.Add(new Vector("aabaab", PasswordPatternKind.Repeat, 0, 5) { BaseLength = 3 });
        data.Add(new Vector("abababab", PasswordPatternKind.Repeat, 0, 7) { BaseLength = 2 });

        // regex matching (recent years)
        data.Add(new Vector("1922", PasswordPatternKind.Year, 0, 3) { Year = 1922 });
        data.Add(new Vector("2017", PasswordPatternKind.Year, 0, 3) { Year = 2017 });

        // date matching
        foreach (var sep in new[] { "", " ", "-", "/", "\\", "_", "." })
        {
            var p = $"13{sep}2{sep}1921";
            data.Add(new Vector(p, PasswordPatternKind.Date, 0, p.Length - 1) { Year = 1921 });
        }

        data.Add(new Vector("8888", PasswordPatternKind.Date, 0, 3) { Year = 1988 }); // mdy, dmy, ymd and ydm of 8/8/88 are all 8888
        data.Add(new Vector("111504", PasswordPatternKind.Date, 0, 5) { Year = 2004 });
        foreach (var (day, month, year) in new[] { (1, 1, 1999), (11, 8, 2000), (9, 12, 2005), (22, 11, 1551) })
        {
            var plain = $"{year}{month}{day}";
            var dotted = $"{year}.{month}.{day}";
            data.Add(new Vector(plain, PasswordPatternKind.Date, 0, plain.Length - 1) { Year = year });
            data.Add(new Vector(dotted, PasswordPatternKind.Date, 0, dotted.Length - 1) { Year = year });
        }

        data.Add(new Vector("02/02/02", PasswordPatternKind.Date, 0, 7) { Year = 2002 });
        foreach (var (text, i, j) in Embedded("1/1/91", ["a", "ab"], ["!"])) data.Add(new Vector(text, PasswordPatternKind.Date, i, j) { Year = 1991 });
        data.Add(new Vector("12/20/1991.12.20", PasswordPatternKind.Date, 0, 9) { Year = 1991 });
        data.Add(new Vector("12/20/1991.12.20", PasswordPatternKind.Date, 6, 15) { Year = 1991 });
        data.Add(new Vector("912/20/919", PasswordPatternKind.Date, 1, 8) { Year = 1991 });

        // omnimatch and the default dictionaries
        data.Add(new Vector("r0sebudmaelstrom11/20/91aaaa", PasswordPatternKind.Dictionary, 0, 6));
        data.Add(new Vector("r0sebudmaelstrom11/20/91aaaa", PasswordPatternKind.Dictionary, 7, 15));
        data.Add(new Vector("r0sebudmaelstrom11/20/91aaaa", PasswordPatternKind.Date, 16, 23));
        data.Add(new Vector("r0sebudmaelstrom11/20/91aaaa", PasswordPatternKind.Repeat, 24, 27));
        data.Add(new Vector("wow", PasswordPatternKind.Dictionary, 0, 2));
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_matchers_find_the_pattern_zxcvbn_finds(Vector vector)
    {
        var found = Candidates(vector.Password).Where(c => c.Kind == vector.Kind && c.I == vector.I && c.J == vector.J).ToArray();
        found.Should().NotBeEmpty($"zxcvbn finds a {vector.Kind} at [{vector.I}, {vector.J}]");
        if (vector.Keyboard is not null)
        {
            var keyboard = Enum.Parse<PasswordKeyboard>(vector.Keyboard);
            found.Should().Contain(c => c.Keyboard == keyboard && (vector.Turns == null || c.Aux == vector.Turns), $"the walk is on {vector.Keyboard} with {vector.Turns} turns");
        }

        if (vector.Year is { } year) found.Should().Contain(c => c.Aux == year);
        if (vector.BaseLength is { } baseLength) found.Should().Contain(c => c.Aux == baseLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("qw")]
    [InlineData("*/")]
    public void One_and_two_character_walks_are_not_keyboard_patterns(string password) =>
        Candidates(password).Should().NotContain(c => c.Kind == PasswordPatternKind.Keyboard);

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("1")]
    [InlineData("#")]
    public void Single_characters_are_neither_sequences_nor_repeats(string password) =>
        Candidates(password).Should().NotContain(c => c.Kind == PasswordPatternKind.Sequence || c.Kind == PasswordPatternKind.Repeat);

    private static Candidate[] Candidates(string password) => MatcherHarness.Run(password, (s, n) =>
    {
        if (n == 0) return;
        DictionaryMatcher.Match(s, n);
        KeyboardMatcher.Match(s, n);
        SequenceMatcher.Match(s, n);
        DateMatcher.Match(s, n, 2017);
        RepeatMatcher.Match(s, n, s.MatchCount);
    });
}
