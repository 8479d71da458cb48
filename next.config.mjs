/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files, and pdfkit its fonts' metrics (.afm), that must be
  // loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "nodemailer", "pdfkit"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) before building; checking again here only costs time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default nextConfig;
