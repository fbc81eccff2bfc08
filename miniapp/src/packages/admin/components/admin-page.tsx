import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import type { RolePage } from '@/hooks/use-role-page';
import { useWideWindow } from '@/hooks/use-wide-window';
import { adminRoutes } from '../routes';
import { adminAreas } from './admin-areas';
import '../styles/admin.scss';

export interface AdminPageProps {
  title: string;
  testId: string;
  /** From `useRolePage(Role.Admin, …)` in the page component itself (page events reach only pages). */
  page: RolePage<unknown>;
  children: ReactNode;
}

/**
 * The frame of a page only an admin may open: 无权 for other roles, the heading, the load error. On a
 * desktop (≥ 1024 px) it is a workspace: every area in a menu at the left, the page beside it; on a
 * phone the page alone, its tables laid out as cards (admin.scss).
 */
export function AdminPage({ title, testId, page, children }: AdminPageProps) {
  const wide = useWideWindow();
  if (page.denied) return <Denied who='系统管理员' />;
  const content = (
    <>
      <Text className='admin__heading'>{title}</Text>
      {page.error && <Text className='error-text'>{page.error}</Text>}
      {page.account && children}
    </>
  );
  return (
    <Screen className={wide ? 'admin admin--desk' : 'admin'} data-testid={testId}>
      {wide ? (
        <>
          <AdminMenu />
          <View className='admin__main'>{content}</View>
        </>
      ) : (
        content
      )}
    </Screen>
  );
}

/** The desktop's side menu: the areas, the one shown marked; one click opens another in its place. */
function AdminMenu() {
  const path = useRouter().path.split('?')[0];
  const here = (url: string) => path === url || path === url.replace(/^\//, '');
  const entries = [{ id: 'home', title: '系统管理', url: adminRoutes.home }, ...adminAreas];
  return (
    <View className='admin__nav' role='navigation' aria-label='系统管理菜单' data-testid='admin-nav'>
      {entries.map((area) => (
        <View
          key={area.id}
          className={here(area.url) ? 'admin__nav-item admin__nav-item--on' : 'admin__nav-item'}
          role='button'
          aria-role='button'
          aria-current={here(area.url) ? 'page' : undefined}
          data-testid={`admin-nav-${area.id}`}
          onClick={() => !here(area.url) && Taro.redirectTo({ url: area.url })}
        >
          {area.title}
        </View>
      ))}
    </View>
  );
}

/** A row of a table; the first row of a table is its head. */
export function Row({
  head,
  muted,
  testId,
  children,
}: {
  head?: boolean;
  muted?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const className = ['admin-table__row', head ? 'admin-table__row--head' : '', muted ? 'admin-table__row--muted' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <View className={className} data-testid={testId}>
      {children}
    </View>
  );
}

export function Cell({ wide, children }: { wide?: boolean; children: ReactNode }) {
  return <View className={wide ? 'admin-table__cell admin-table__cell--wide' : 'admin-table__cell'}>{children}</View>;
}

/** A text action in a table row. */
export function Action({ label, danger, onClick }: { label: string; danger?: boolean; onClick: () => void }) {
  return (
    <View
      className={danger ? 'admin-table__link admin-table__link--danger' : 'admin-table__link'}
      role='button'
      aria-role='button'
      onClick={onClick}
    >
      {label}
    </View>
  );
}

/** A column's name, `{ wide: name }` for a wide column. */
export type HeadCell = string | { wide: string };

/** A table's head: its column names, `{ wide: name }` for a wide column. */
export function HeadRow({ cells }: { cells: HeadCell[] }) {
  return (
    <Row head>
      {cells.map((cell) =>
        typeof cell === 'string' ? (
          <Cell key={cell}>{cell}</Cell>
        ) : (
          <Cell key={cell.wide} wide>
            {cell.wide}
          </Cell>
        ),
      )}
    </Row>
  );
}

/** A cell of a plain table: its content, or `{ wide: content }` for a wide column. */
export type TableCell = ReactNode | { wide: ReactNode };

const isWide = (cell: TableCell): cell is { wide: ReactNode } =>
  typeof cell === 'object' && cell !== null && 'wide' in cell;

/** A row of a read-only table: its key and its cells. */
export interface TableRow {
  key: string | number;
  cells: TableCell[];
}

/** A read-only table: the head, then the rows. */
export function Table({ testId, head, rows = [] }: { testId: string; head: HeadCell[]; rows?: TableRow[] }) {
  return (
    <View className='admin-table' data-testid={testId}>
      <HeadRow cells={head} />
      {rows.map((row) => (
        <Row key={row.key}>
          {row.cells.map((cell, i) =>
            isWide(cell) ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are fixed columns
              <Cell key={i} wide>
                {cell.wide}
              </Cell>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are fixed columns
              <Cell key={i}>{cell}</Cell>
            ),
          )}
        </Row>
      ))}
    </View>
  );
}

/** Sets a list's filter, then reloads the page once the state has settled (the loader reads the filter). */
export const reloading =
  <T,>(set: (value: T) => void, page: { reload: () => unknown }) =>
  (value: T) => {
    set(value);
    setTimeout(() => page.reload(), 0);
  };
