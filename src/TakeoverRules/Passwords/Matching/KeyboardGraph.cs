namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Key adjacency for one keyboard or keypad, built from its layout at start-up. Each key has an (x, y) position;
/// neighbours are the keys one step away in the layout's directions (six on slanted keyboards, eight on keypads),
/// numbered so that a change of direction counts as a turn, as in zxcvbn's adjacency graphs.
/// </summary>
internal sealed class KeyboardGraph
{
    private static readonly (int Dx2, int Dy)[] SlantedDirections = [(-2, 0), (-1, -1), (1, -1), (2, 0), (1, 1), (-1, 1)];
    private static readonly (int Dx2, int Dy)[] AlignedDirections = [(-2, 0), (-2, -1), (0, -1), (2, -1), (2, 0), (2, 1), (0, 1), (-2, 1)];

    // Every key of these layouts is below U+0100 (¥ is U+00A5).
    private readonly int[] _key = new int[256]; // char -> key index + 1 (0 = not on this keyboard)
    private readonly bool[] _shifted = new bool[256];
    private readonly int[][] _neighbours; // key -> direction -> key index + 1

    private KeyboardGraph(PasswordKeyboard keyboard, string[] rows, double[] rowOffsets, bool slanted)
    {
        Keyboard = keyboard;
        var directions = slanted ? SlantedDirections : AlignedDirections;
        var positions = new List<(int X2, int Y)>();
        for (var y = 0; y < rows.Length; y++)
        {
            var keys = rows[y].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var x = 0; x < keys.Length; x++)
            {
                if (keys[x] == "_") continue; // a gap in a keypad
                positions.Add(((int)Math.Round((rowOffsets[y] + x) * 2), y));
                var index = positions.Count;
                for (var k = 0; k < keys[x].Length; k++)
                {
                    var c = keys[x][k];
                    if (_key[c] != 0) continue;
                    _key[c] = index;
                    _shifted[c] = k > 0 && !char.IsLetter(c);
                }
            }
        }

        _neighbours = new int[positions.Count][];
        var degreeSum = 0;
        for (var a = 0; a < positions.Count; a++)
        {
            _neighbours[a] = new int[directions.Length];
            for (var d = 0; d < directions.Length; d++)
            {
                var target = (positions[a].X2 + directions[d].Dx2, positions[a].Y + directions[d].Dy);
                var b = positions.IndexOf(target);
                if (b < 0) continue;
                _neighbours[a][d] = b + 1;
                degreeSum++;
            }
        }

        StartingKeys = positions.Count;
        AverageDegree = (double)degreeSum / positions.Count;
    }

    public PasswordKeyboard Keyboard { get; }

    public double StartingKeys { get; }

    public double AverageDegree { get; }

    public static KeyboardGraph UsQwerty { get; } = new(PasswordKeyboard.UsQwerty,
        ["`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+", "qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|", "aA sS dD fF gG hH jJ kK lL ;: '\"", "zZ xX cC vV bB nN mM ,< .> /?"],
        [0, 1.5, 2, 2.5], slanted: true);

    // JIS (JP106/109): the half-width/full-width key sits left of 1; symbols differ from US (research §5.1).
    public static KeyboardGraph JapaneseJis { get; } = new(PasswordKeyboard.JapaneseJis,
        ["1! 2\" 3# 4$ 5% 6& 7' 8( 9) 0 -= ^~ ¥|", "qQ wW eE rR tT yY uU iI oO pP @` [{", "aA sS dD fF gG hH jJ kK lL ;+ :* ]}", "zZ xX cC vV bB nN mM ,< .> /? \\_"],
        [1, 1.5, 2, 2.5], slanted: true);

    public static KeyboardGraph NumericKeypad { get; } = new(PasswordKeyboard.NumericKeypad,
        ["_ / * -", "7 8 9 +", "4 5 6", "1 2 3", "_ 0 ."], [0, 0, 0, 0, 0], slanted: false);

    public static KeyboardGraph PhoneKeypad { get; } = new(PasswordKeyboard.PhoneKeypad,
        ["1 2 3", "4 5 6", "7 8 9", "* 0 #"], [0, 0, 0, 0], slanted: false);

    public int KeyOf(char c) => c < 256 ? _key[c] : 0;

    public bool IsShifted(char c) => c < 256 && _shifted[c];

    /// <summary>The direction from key <paramref name="from"/> to key <paramref name="to"/> (1-based keys), or -1.</summary>
    public int DirectionBetween(int from, int to)
    {
        var neighbours = _neighbours[from - 1];
        for (var d = 0; d < neighbours.Length; d++)
        {
            if (neighbours[d] == to) return d;
        }

        return -1;
    }
}
