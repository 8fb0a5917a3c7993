global using HealthCode.Testing;
global using NUnit.Framework;
