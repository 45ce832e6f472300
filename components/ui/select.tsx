import type { ComponentProps } from "react";
import { selectClass, wideSelectClass } from "./control-class";

/**
 * The one select: a native <select> (keyboard, screen readers and Playwright's selectOption work as the
 * browser made them), with every native prop and the ref passed through. The caller names it as before:
 * a wrapping <label>, an `id` for a <label htmlFor>, or `aria-label`. `wide` fills its column at form height.
 */
export function Select({ wide = false, className, ...props }: ComponentProps<"select"> & { wide?: boolean }) {
  const look = wide ? wideSelectClass : selectClass;
  return <select className={className ? `${look} ${className}` : look} {...props} />;
}
