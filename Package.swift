// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "travel-budget",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "travel-budget", targets: ["travel-budget"]),
        // The web page (`travel-budget serve` runs it): a program of its own, so that the command line and `scripts/report`
        // build without Hummingbird and SwiftNIO.
        .executable(name: "travel-budget-serve", targets: ["travel-budget-serve"]),
        .library(name: "BudgetCore", targets: ["BudgetCore"]),
    ],
    // Exact versions: Package.resolved is not kept in git, so the manifest pins what the tests were run with.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Tests only: property-based testing on Swift Testing.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // The web page's server (and HummingbirdTesting for its tests); its swift-configuration support is left out (not used).
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        // The one JSON encoder of every report and draft (throws, never empty output).
        .target(name: "JSONText"),
        // A TOML 1.0 reader of our own: every key and value with its line and column, errors in plain words.
        .target(name: "TOML"),
        // The model and the costing: knows nothing of files, formats or the terminal.
        .target(name: "BudgetCore"),
        // Readers at the edge: TOML tables, CSV rosters, with file/line/column diagnostics.
        .target(name: "BudgetReaders", dependencies: ["BudgetCore", "JSONText", "SheetReader", "TOML"]),
        // Spreadsheet files read into a grid of cells (.xlsx, .ods): knows nothing of rosters or budgets.
        // Its zip container is read by our own code (ZipContainer, Inflate) over the system zlib, every loop bounded; dates by
        // BudgetCore's CivilDate (the one calendar).
        .target(name: "SheetReader", dependencies: ["BudgetCore", "CZlib"]),
        // The system zlib (Debian: zlib1g-dev): inflate and crc32 for the parts of .xlsx and .ods files.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libxlsxwriter, the C library that writes .xlsx files (Debian: libxlsxwriter-dev).
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // A neutral spreadsheet model: sheets of typed, styled cells, formulas with cached results, charts.
        .target(name: "Spreadsheet"),
        // The one atomic-file writer for every output: a temporary file beside the target, flushed to disk, renamed into place.
        .target(name: "OutputFiles"),
        // Writes the spreadsheet model with libxlsxwriter; the only target that touches the C library.
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter", "OutputFiles", "Spreadsheet"]),
        // Renderers at the edge: text, JSON, CSV and the workbook model from the report values.
        .target(name: "BudgetRenderers", dependencies: ["BudgetCore", "JSONText", "Spreadsheet"]),
        // A roster costed straight into its workbook file: rows to libxlsxwriter in constant memory on a second thread,
        // the other sheets from the running totals, a progress line.
        .target(name: "WorkbookOutput", dependencies: ["BudgetCore", "BudgetRenderers", "OutputFiles", "Spreadsheet", "XLSXWriter"]),
        // The one planner every front end shares: one entry point per job (cost, report, reconcile, compare, fit, check,
        // draft), the size policy (when a roster is streamed) and roster discovery; it prints nothing.
        .target(name: "Planner", dependencies: ["BudgetCore", "BudgetReaders", "BudgetRenderers", "JSONText", "OutputFiles",
                                                "WorkbookOutput", "XLSXWriter"]),
        // The thin command line: parses flags, calls the planner, prints.
        .executableTarget(name: "travel-budget", dependencies: [
            "BudgetCore", "BudgetReaders", "Planner",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The web page: a thin front end on the planner (pages as HTML built by a builder that escapes every text, uploads read
        // in memory, downloads the planner's bytes), with its safety checks (loopback, tokens, headers, limits).
        .target(name: "WebPage", dependencies: [
            "BudgetCore", "BudgetReaders", "BudgetRenderers", "Planner",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // The web page's program: `travel-budget serve` runs it with its arguments.
        .executableTarget(name: "travel-budget-serve", dependencies: [
            "WebPage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzzing (scripts/fuzz builds them with libFuzzer): read, cost, render and check every input.
        // A plain build makes replay tools that run files through the same checks.
        .target(name: "FuzzChecks", dependencies: ["BudgetCore", "BudgetReaders", "BudgetRenderers", "SheetReader"]),
        .executableTarget(name: "fuzz-roster", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-sheet", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-tables", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-toml", dependencies: ["TOML"]),
        .testTarget(name: "BudgetCoreTests", dependencies: ["BudgetCore"]),
        // The TOML reader against the language's conformance suite (../shared/toml-test) and its own rules.
        .testTarget(name: "TOMLTests", dependencies: ["TestSupport", "TOML"]),
        .testTarget(name: "BudgetReadersTests", dependencies: ["BudgetCore", "BudgetReaders", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BudgetRenderersTests", dependencies: ["BudgetCore", "BudgetReaders", "BudgetRenderers", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "SheetReaderTests", dependencies: ["SheetReader", "TestSupport"], exclude: ["Fixtures"]),
        // Helpers shared by the test targets: where the repository, its tables and each target's fixtures are, the shipped
        // tables and samples (thrown, never a crash, when they do not load), running a program, the parts of a written .xlsx.
        .target(name: "TestSupport", dependencies: ["BudgetCore", "BudgetReaders"], path: "Tests/TestSupport"),
        .testTarget(name: "XLSXWriterTests", dependencies: ["OutputFiles", "Spreadsheet", "TestSupport", "XLSXWriter"]),
        // The budget workbook: its model, and LibreOffice recomputing it (needs libreoffice-calc-nogui).
        .testTarget(name: "WorkbookTests", dependencies: ["BudgetCore", "BudgetReaders", "BudgetRenderers", "Spreadsheet", "TestSupport",
                                                          "WorkbookOutput", "XLSXWriter"]),
        .testTarget(name: "WorkbookOutputTests", dependencies: ["BudgetCore", "BudgetReaders", "BudgetRenderers", "TestSupport", "WorkbookOutput"]),
        .testTarget(name: "CommandLineTests", dependencies: ["TestSupport", "travel-budget"]),
        // The web page over HTTP in process (HummingbirdTesting), in headless Chromium, and under load.
        .testTarget(name: "WebPageTests", dependencies: [
            "BudgetCore", "Planner", "TestSupport", "WebPage", "travel-budget", "travel-budget-serve",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "PropertyTests", dependencies: [
            "BudgetCore", "BudgetReaders", "BudgetRenderers", "Spreadsheet", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ]
)
