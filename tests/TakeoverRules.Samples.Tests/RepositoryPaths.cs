using System.Reflection;

namespace TakeoverRules.Samples.Tests;

/// <summary>Where the repository, the samples' build output and the test artifacts are.</summary>
internal static class RepositoryPaths
{
    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(Metadata("ProjectDirectory"), "..", ".."));

    /// <summary>The configuration the tests (and so the samples) were built in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>A sample's project folder.</summary>
    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    /// <summary>A sample's built assembly.</summary>
    public static string SampleAssembly(string name) => Path.Combine(Sample(name), "bin", Configuration, "net10.0", name + ".dll");

    /// <summary>The folder for screenshots and other test artifacts: artifacts/screenshots (ignored by git).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;
}
