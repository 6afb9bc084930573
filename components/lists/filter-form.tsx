"use client";
// The filter form, which leaves its empty fields out of the URL when
// JavaScript runs ("?country=RU" rather than "?q=&country=RU&status=..."),
// so that shared links stay short. Without JavaScript it is a plain GET form.
import type { FormHTMLAttributes } from "react";

export function FilterForm(props: FormHTMLAttributes<HTMLFormElement>) {
  return (
    <form
      {...props}
      onSubmit={(event) => {
        // Disabled fields are not submitted; the entry list is built after this event.
        for (const element of Array.from(event.currentTarget.elements)) {
          if ((element instanceof HTMLInputElement || element instanceof HTMLSelectElement) && element.name && element.value === "") {
            element.disabled = true;
            setTimeout(() => {
              element.disabled = false;
            });
          }
        }
      }}
    />
  );
}
