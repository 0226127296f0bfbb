namespace TakeoverRules.Testing;

/// <summary>
/// Snapshot ("golden file") comparison for rendered decisions. A test renders a result (<see cref="TimelineText"/> or
/// <see cref="TimelineJson"/>) and compares it with a committed file; when the detector's behaviour changes on purpose,
/// run the tests with the environment variable <c>UPDATE_GOLDEN=1</c> to rewrite the files, and review the diff.
/// </summary>
/// <remarks>
/// A missing or different file never passes silently: the test fails and writes the actual text beside the golden file as
/// <c>NAME.received.EXT</c> (delete or ignore it; it is removed when the test passes). Line ends are normalised to <c>\n</c>.
/// Thread-safe for distinct paths.
/// </remarks>
public static class GoldenFile
{
    /// <summary>The environment variable that, set to <c>1</c>, makes comparisons rewrite the golden files instead of failing.</summary>
    public const string UpdateVariable = "UPDATE_GOLDEN";

    /// <summary>Whether <see cref="UpdateVariable"/> is set to <c>1</c>.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Compares <paramref name="actual"/> with the golden file at <paramref name="path"/>.</summary>
    /// <param name="path">The golden file.</param>
    /// <param name="actual">The rendered text.</param>
    /// <returns><see langword="null"/> when they match (or the file was updated); otherwise why not, naming the first differing line and how to update.</returns>
    public static string? Compare(string path, string actual)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(actual);
        actual = actual.ReplaceLineEndings("\n");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder) && !Updating)
        {
            // Golden paths come from [CallerFilePath]; a build with ContinuousIntegrationBuild or PathMap rewrites it (to /_/…).
            return $"The folder of golden file {path} does not exist. If the path was mapped by the build (ContinuousIntegrationBuild or PathMap), "
                + "build the test project without path mapping (<ContinuousIntegrationBuild>false</ContinuousIntegrationBuild>).";
        }

        var received = ReceivedPath(path);
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return null;
        }

        if (Updating)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, actual);
            File.Delete(received);
            return null;
        }

        File.WriteAllText(received, actual);
        var how = $"If the change is intended, run the tests with {UpdateVariable}=1 (or copy {received} over {path}) and review the diff.";
        if (expected is null)
        {
            return $"There is no golden file {path}; the actual output was written to {received}. {how}";
        }

        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var line = 0;
        while (line < a.Length && line < e.Length && a[line] == e[line])
        {
            line++;
        }

        var expectedLine = line < e.Length ? e[line] : "<end of file>";
        var actualLine = line < a.Length ? a[line] : "<end of file>";
        return $"The output differs from golden file {path} at line {line + 1}:\n  expected: {expectedLine}\n  actual:   {actualLine}\nThe actual output was written to {received}. {how}";
    }

    private static string ReceivedPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + ".received" + Path.GetExtension(path));
}
