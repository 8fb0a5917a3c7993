using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HealthCode.Benchmarks.NormalizeBenchmarks).Assembly).Run(args);
