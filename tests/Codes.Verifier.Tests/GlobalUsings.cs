global using NUnit.Framework;
global using HealthCode.Testing;
