import { Button } from '@nutui/nutui-react-taro';

/** 加载更多 under a list read a page at a time; nothing once there is no next page (`cursor` null). */
export function MoreButton({
  cursor,
  loading,
  onClick,
}: {
  cursor: string | null;
  loading: boolean;
  onClick: () => void;
}) {
  if (!cursor) return null;
  return (
    <Button block fill='none' loading={loading} onClick={onClick}>
      加载更多
    </Button>
  );
}
