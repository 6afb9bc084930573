import type { MetadataRoute } from "next";

// The web app manifest (served at /manifest.webmanifest): the name and icons a
// browser uses when the app is installed or pinned.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Demarche",
    short_name: "Demarche",
    description: "Arms-sale concerns, the diplomatic requests made about them, and whether promised inspections happened.",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png" },
    ],
  };
}
