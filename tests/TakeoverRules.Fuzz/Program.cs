using TakeoverRules.Fuzz;

// takeover fuzz targets. Usage (see README.md; fuzz.sh drives AFL++):
//   TakeoverRules.Fuzz afl <target>                    one AFL++ persistent-mode run (SharpFuzz)
//   TakeoverRules.Fuzz replay <target> <file|dir>...   runs saved inputs once each, prints any failure, exit 1 if one failed
//   TakeoverRules.Fuzz seed <corpus-root>              (re)writes the generated seeds (detector snapshots)
if (args.Length < 2 || (args[0] is not ("afl" or "replay" or "seed")))
{
    Console.Error.WriteLine("usage: TakeoverRules.Fuzz afl <target> | replay <target> <file|dir>... | seed <corpus-root>");
    Console.Error.WriteLine("targets: " + string.Join(", ", Targets.Names));
    return 2;
}

if (args[0] == "seed")
{
    Seeds.Write(args[1]);
    return 0;
}

if (!Targets.TryGet(args[1], out var target))
{
    Console.Error.WriteLine($"unknown target '{args[1]}'; targets: {string.Join(", ", Targets.Names)}");
    return 2;
}

if (args[0] == "afl")
{
    // Instrumented code may run only inside Fuzzer.Run (its coverage map is set up there), so the one-time loads
    // (embedded facts, dictionaries) happen in the first run rather than skewing every input's coverage.
    var warm = false;
    SharpFuzz.Fuzzer.Run(stream =>
    {
        if (!warm)
        {
            Targets.Warm();
            warm = true;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    });
    return 0;
}

var failed = 0;
var files = args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
foreach (var file in files)
{
    try
    {
        target(File.ReadAllBytes(file));
    }
    catch (Exception ex)
    {
        failed++;
        Console.Error.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
    }
}

Console.WriteLine($"replay {args[1]}: {files.Count} inputs, {failed} failed");
return failed > 0 ? 1 : 0;
