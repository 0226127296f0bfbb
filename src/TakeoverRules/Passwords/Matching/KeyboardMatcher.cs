namespace TakeoverRules.Passwords.Matching;

/// <summary>Keyboard and keypad walks (zxcvbn's spatial matcher) plus feature-phone letter walks. Linear per graph.</summary>
internal static class KeyboardMatcher
{
    private static readonly KeyboardGraph[] Graphs =
        [KeyboardGraph.UsQwerty, KeyboardGraph.JapaneseJis, KeyboardGraph.Dvorak, KeyboardGraph.NumericKeypad, KeyboardGraph.MacKeypad, KeyboardGraph.PhoneKeypad];

    public static void Match(EstimationScratch scratch, int length)
    {
        var text = scratch.Text.AsSpan(0, length);
        foreach (var graph in Graphs) MatchGraph(scratch, text, graph);
        MatchFeaturePhoneLetters(scratch, scratch.Lower.AsSpan(0, length));
    }

    private static void MatchGraph(EstimationScratch scratch, ReadOnlySpan<char> text, KeyboardGraph graph)
    {
        var i = 0;
        while (i < text.Length - 1)
        {
            var j = i + 1;
            int lastDirection = -1, turns = 0;
            var shifted = graph.IsShifted(text[i]) ? 1 : 0;
            while (true)
            {
                var direction = -1;
                if (j < text.Length)
                {
                    int from = graph.KeyOf(text[j - 1]), to = graph.KeyOf(text[j]);
                    if (from != 0 && to != 0) direction = graph.DirectionBetween(from, to);
                }

                if (direction >= 0)
                {
                    if (graph.IsShifted(text[j])) shifted++;
                    if (direction != lastDirection)
                    {
                        turns++;
                        lastDirection = direction;
                    }

                    j++;
                    continue;
                }

                if (j - i > 2)
                {
                    scratch.Add(new Candidate
                    {
                        I = i, J = j - 1, Kind = PasswordPatternKind.Keyboard, Keyboard = graph.Keyboard, Aux = turns,
                        Log10 = Guesses.Log10Spatial(j - i, turns, shifted, graph.StartingKeys, graph.AverageDegree),
                    });
                }

                i = j;
                break;
            }
        }
    }

    // Letters typed on a feature phone: a=2(1st) b=2(2nd) … A walk moves between neighbouring keys (or to the
    // next/previous key number) using the same press count, e.g. adgjmptw = first letters of keys 2 to 9.
    private static void MatchFeaturePhoneLetters(EstimationScratch scratch, ReadOnlySpan<char> lower)
    {
        var graph = KeyboardGraph.PhoneKeypad;
        var i = 0;
        while (i < lower.Length - 3)
        {
            if (!PhoneKey(lower[i], out var key, out var press))
            {
                i++;
                continue;
            }

            var j = i + 1;
            int lastDirection = -1, turns = 0, previousKey = key;
            while (j < lower.Length && PhoneKey(lower[j], out var nextKey, out var nextPress) && nextPress == press)
            {
                var delta = nextKey - previousKey;
                var direction = delta is 1 or -1 ? 100 + delta
                    : graph.DirectionBetween(graph.KeyOf((char)('0' + previousKey)), graph.KeyOf((char)('0' + nextKey)));
                if (direction < 0) break;
                if (direction != lastDirection)
                {
                    turns++;
                    lastDirection = direction;
                }

                previousKey = nextKey;
                j++;
            }

            if (j - i >= 4)
            {
                // Eight letter keys to start from, and the press count (1st–4th letter) chosen once.
                scratch.Add(new Candidate
                {
                    I = i, J = j - 1, Kind = PasswordPatternKind.Keyboard, Keyboard = PasswordKeyboard.FeaturePhoneLetters, Aux = turns,
                    Log10 = Guesses.Log10Spatial(j - i, turns, 0, 8, graph.AverageDegree) + Math.Log10(4),
                });
                i = j;
            }
            else
            {
                i++;
            }
        }
    }

    private static bool PhoneKey(char c, out int key, out int press)
    {
        const string keys = "22233344455566677778889999";
        const string presses = "01201201201201201230120123";
        if (c is >= 'a' and <= 'z')
        {
            key = keys[c - 'a'] - '0';
            press = presses[c - 'a'] - '0';
            return true;
        }

        key = press = 0;
        return false;
    }
}
